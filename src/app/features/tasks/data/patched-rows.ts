import { TaskRow } from './task-rows';

/**
 * Every task's row by id: the rows a poll made, with the few remade since (a worker moved, a reason
 * changed). Remaking a row between two polls, once a second on a busy cluster, then copies the
 * remade rows only, not a map of 10,000.
 */
export class PatchedRows {
  private constructor(
    private readonly base: ReadonlyMap<string, TaskRow>,
    private readonly patches: ReadonlyMap<string, TaskRow>,
  ) {}

  static of(rows: readonly TaskRow[]): PatchedRows {
    return new PatchedRows(new Map(rows.map((row) => [row.task.task_id, row])), new Map());
  }

  get(taskId: string): TaskRow | undefined {
    return this.patches.get(taskId) ?? this.base.get(taskId);
  }

  *values(): IterableIterator<TaskRow> {
    for (const [taskId, row] of this.base) yield this.patches.get(taskId) ?? row;
  }

  /** These rows with `remade` in place of theirs (every id in `remade` has a row here). */
  with(remade: ReadonlyMap<string, TaskRow>): PatchedRows {
    const patches = new Map([...this.patches, ...remade]);
    // A list paused for long piles up patches: past a quarter of the list, one map again.
    if (patches.size <= this.base.size / 4) return new PatchedRows(this.base, patches);
    const merged = new Map(this.base);
    for (const [taskId, row] of patches) merged.set(taskId, row);
    return new PatchedRows(merged, new Map());
  }
}
