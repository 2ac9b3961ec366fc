import { TaskRow } from './task-rows';

/** The rows in the order the operator is looking at, and how many changes wait for "apply". */
export interface HeldRows {
  readonly rows: readonly TaskRow[];
  /** Tasks that would appear, disappear or move if the order were applied now. */
  readonly waitingChanges: number;
}

/**
 * Keeps rows where they were while the operator points at or has selected some: each held row
 * shows its latest data (even if it no longer matches the filter), new tasks wait, and nothing
 * moves until the order is applied.
 */
export function holdRowOrder(
  order: readonly string[],
  fresh: readonly TaskRow[],
  latest: { get(taskId: string): TaskRow | undefined },
): HeldRows {
  const rows = order.flatMap((taskId) => latest.get(taskId) ?? []);
  const freshIndex = new Map(fresh.map((row, index) => [row.task.task_id, index]));
  const held = new Set(order);
  const added = fresh.reduce((count, row) => count + (held.has(row.task.task_id) ? 0 : 1), 0);
  const stayingIndexes = rows.flatMap((row) => freshIndex.get(row.task.task_id) ?? []);
  const leaving = rows.length - stayingIndexes.length;
  const moved = stayingIndexes.length - longestIncreasingRun(stayingIndexes);
  return { rows, waitingChanges: added + leaving + moved };
}

/**
 * Length of the longest increasing subsequence: the rows that can stay put, so the others are the
 * fewest that must move (one task jumping to the top is one change, not a shift of all of them).
 */
function longestIncreasingRun(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tails[middle] < value) low = middle + 1;
      else high = middle;
    }
    tails[low] = value;
  }
  return tails.length;
}
