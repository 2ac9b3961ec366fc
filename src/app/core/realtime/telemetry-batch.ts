import { OperatorFunction, SchedulerLike, auditTime, buffer, bufferCount, connect, merge } from 'rxjs';
import { TelemetryUpdate, TrackedWorker, trackTelemetry } from './tracked-worker';

/** The most socket frames held for one map update; a second's worth at 1,000 workers. */
export const MAX_BATCH = 200;
/** Without animation frames (a hidden tab), updates are applied at least this often. */
export const HIDDEN_BATCH_MS = 1000;

export const NO_WORKERS: ReadonlyMap<string, TrackedWorker> = new Map();

/** The updates of one socket frame or REST answer; `null` marks a connection closed on purpose. */
export type TelemetryBatchItem = readonly TelemetryUpdate[] | null;

/**
 * Gathers updates into one batch per animation frame of `renderScheduler`: 200 frames a second
 * from a large cluster become one map update per frame. A hidden tab gets no animation frames, so
 * a batch is also closed within {@link HIDDEN_BATCH_MS}, or as soon as it holds {@link MAX_BATCH}
 * updates: otherwise an hour in the background would pile up every frame.
 */
export function batchPerFrame<T>(renderScheduler: SchedulerLike): OperatorFunction<T, T[]> {
  return connect((updates$) =>
    updates$.pipe(
      buffer(
        merge(
          updates$.pipe(auditTime(0, renderScheduler)),
          updates$.pipe(auditTime(HIDDEN_BATCH_MS)),
          updates$.pipe(bufferCount(MAX_BATCH)),
        ),
      ),
    ),
  );
}

/**
 * Applies the updates gathered during one frame, keeping `historyWindowMs` of usage history; after
 * a `null` (a closed connection) only the later updates count, over an empty map.
 */
export function applyBatch(
  workers: ReadonlyMap<string, TrackedWorker>,
  batch: readonly TelemetryBatchItem[],
  historyWindowMs: number,
): ReadonlyMap<string, TrackedWorker> {
  const closedAt = batch.lastIndexOf(null);
  const base = closedAt >= 0 ? NO_WORKERS : workers;
  const updates = batch.slice(closedAt + 1).flatMap((entries) => entries ?? []);
  return updates.length > 0 ? trackTelemetry(base, updates, historyWindowMs) : base;
}
