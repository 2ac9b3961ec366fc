/** Small checks for JSON from the wire, shared by the telemetry and REST readers. */

export type JsonObject = Record<string, unknown>;

/** Longer ids are not ids but garbage (or an attack); they would also bloat every view. */
export const MAX_ID_LENGTH = 256;

/** Longer text fields are rejected: nothing the master stores legitimately comes close. */
export const MAX_TEXT_LENGTH = 65_536;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A usage figure 0–100, or `null` when it is not one. Rounding overshoot of half a point is
 * clamped; anything further out (-4, 130) is impossible and so not trusted.
 */
export function percentage(value: unknown): number | null {
  if (!isFiniteNumber(value) || value < -0.5 || value > 100.5) return null;
  return Math.min(100, Math.max(0, value));
}

export function finiteOrZero(value: unknown): number {
  return isFiniteNumber(value) ? value : 0;
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= MAX_ID_LENGTH;
}

/** A text field, `fallback` when absent, or `null` when it is present but not sensible text. */
export function text(value: unknown, fallback: string | null = null): string | null {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'string' && value.length <= MAX_TEXT_LENGTH ? value : null;
}
