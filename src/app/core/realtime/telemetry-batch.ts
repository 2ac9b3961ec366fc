import { NO_WORKERS, TelemetryUpdate, TrackedWorkers, trackTelemetry } from './tracked-worker';

/** The updates of one telemetry digest or REST answer; `null` marks a connection closed on purpose. */
export type TelemetryBatchItem = readonly TelemetryUpdate[] | null;

/**
 * Applies the updates of one digest, keeping `historyWindowMs` of usage history; after
 * a `null` (a closed connection) only the later updates count, over an empty map.
 */
export function applyBatch(
  workers: TrackedWorkers,
  batch: readonly TelemetryBatchItem[],
  historyWindowMs: number,
): TrackedWorkers {
  const closedAt = batch.lastIndexOf(null);
  const base = closedAt >= 0 ? NO_WORKERS : workers;
  const updates = batch.slice(closedAt + 1).flatMap((entries) => entries ?? []);
  return updates.length > 0 ? trackTelemetry(base, updates, historyWindowMs) : base;
}
