/** Exponential backoff bounds: the first wait's ceiling and the largest wait. */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

/**
 * "Full jitter": a uniformly random wait between 0 and the exponential ceiling of this attempt
 * (initial, 2×, 4×, … capped at max). Spreading retries this way keeps a tab full of dashboards
 * from reconnecting in lockstep when the master comes back.
 */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}

/** A polling interval stretched after consecutive failures (×2 each, capped), back to normal after a success. */
export function backedOffInterval(intervalMs: number, consecutiveFailures: number, maxMs: number): number {
  if (consecutiveFailures === 0) {
    return intervalMs;
  }
  return Math.max(intervalMs, Math.min(maxMs, intervalMs * 2 ** consecutiveFailures));
}
