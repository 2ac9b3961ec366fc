/**
 * How far the master's clock is ahead of this browser's (negative: behind), estimated from the
 * telemetry frames themselves. A heartbeat frame carries `last_update`, the master's time when
 * it processed the heartbeat, and is pushed at once; so `last_update - received` is the offset
 * minus the delivery delay and minus up to a second of truncation (whole unix seconds). None of
 * those can make a sample too large, so the largest recent sample is the best estimate.
 *
 * Recent means the last two minutes, in 10-second buckets, so a master whose clock is corrected
 * is followed within two minutes; older buckets are dropped.
 */
export interface ClockOffsetEstimate {
  /** Largest sample per bucket, oldest first. */
  readonly buckets: readonly { readonly start: number; readonly max: number }[];
}

export const NO_CLOCK_SAMPLES: ClockOffsetEstimate = { buckets: [] };

const BUCKET_MS = 10_000;
const WINDOW_MS = 120_000;

/**
 * Offsets this small are indistinguishable from delivery delay and second truncation: treated
 * as none, so a synchronised master's figures never jitter by a second.
 */
export const NEGLIGIBLE_OFFSET_MS = 1_500;

/** Adds samples (master time minus receive time, ms) received at `receivedAt` (browser epoch ms). */
export function addClockSamples(
  estimate: ClockOffsetEstimate,
  samples: readonly number[],
  receivedAt: number,
): ClockOffsetEstimate {
  if (samples.length === 0) {
    return estimate;
  }
  const largest = Math.max(...samples);
  const start = receivedAt - (receivedAt % BUCKET_MS);
  const kept = estimate.buckets.filter((bucket) => bucket.start > receivedAt - WINDOW_MS);
  const last = kept[kept.length - 1];
  if (last?.start === start) {
    return largest > last.max ? { buckets: [...kept.slice(0, -1), { start, max: largest }] } : { buckets: kept };
  }
  return { buckets: [...kept, { start, max: largest }] };
}

/** The offset to apply (ms): the largest recent sample, or 0 when it is negligible or unknown. */
export function clockOffsetMs(estimate: ClockOffsetEstimate): number {
  if (estimate.buckets.length === 0) {
    return 0;
  }
  const offset = Math.max(...estimate.buckets.map((bucket) => bucket.max));
  return Math.abs(offset) < NEGLIGIBLE_OFFSET_MS ? 0 : Math.round(offset);
}
