/**
 * Whether two values that came from JSON (a stored setting, a master's answer) serialize the same.
 * For such values that is equality, key order included, as one source writes its keys in one
 * order. The first screen uses this instead of a deep-equality library, which the pages bring.
 */
export function sameJson<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
