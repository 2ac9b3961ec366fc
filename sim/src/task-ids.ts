import type { TaskRecord } from './model.ts';

/** Task ids like the master's: `task-` and wall-clock nanoseconds, strictly increasing across restarts. */
export class TaskIds {
  private lastNanos = 0n;

  /** Ids continue after the newest one in the store, so a restart never reuses one. */
  noteExisting(tasks: Iterable<TaskRecord>): void {
    for (const task of tasks) {
      const nanos = BigInt(task.task_id.replace(/^task-/, '').replace(/\D/g, '') || '0');
      if (nanos > this.lastNanos) this.lastNanos = nanos;
    }
  }

  next(): string {
    // Forced strictly increasing so two submits in one millisecond differ.
    const nanos = BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n);
    this.lastNanos = nanos > this.lastNanos ? nanos : this.lastNanos + 1n;
    return `task-${this.lastNanos}`;
  }
}
