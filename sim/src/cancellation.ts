import type { MasterLock } from './master-lock.ts';
import type { Quirks } from './quirks.ts';
import type { RunningTasks } from './running-tasks.ts';
import type { Store } from './store.ts';
import type { TaskLifecycle } from './task-lifecycle.ts';
import type { TaskRun } from './task-run.ts';
import { CANCEL_LINE } from './log-script.ts';

/** Cancel requests, in the real master's way (under its global lock) or the well-behaved way (quirks.lockingCancel). */
export class Cancellation {
  /** Well-behaved cancels in progress, so a repeated cancel waits for the same stop. */
  private readonly inProgress = new Map<string, Promise<void>>();
  /** Containers being stopped, so stop() can end the waits instead of keeping the process alive. */
  private readonly stopping = new Map<NodeJS.Timeout, () => void>();

  constructor(
    private readonly store: Store,
    private readonly running: RunningTasks,
    private readonly lock: MasterLock,
    private readonly lifecycle: TaskLifecycle,
    private readonly quirks: Quirks,
    private readonly cancelDelayMs: number,
  ) {}

  /** Resolves when the master would answer. Like the real master it never fails. */
  cancel(taskId: string): Promise<void> {
    return this.quirks.lockingCancel
      ? this.lock.run(() => this.cancelHoldingLock(taskId))
      : this.cancelRunningOnly(taskId);
  }

  /** Ends the waits for containers still being stopped. */
  stop(): void {
    for (const [timer, resolve] of this.stopping) {
      clearTimeout(timer);
      resolve();
    }
    this.stopping.clear();
  }

  /**
   * The real master: under its global lock, a task with a live container is marked cancelled and stopped; any
   * other task with an assignment (finished ones too) is just marked cancelled; a pending task is left alone.
   */
  private async cancelHoldingLock(taskId: string): Promise<void> {
    const task = this.store.findTask(taskId);
    if (!task) return;
    const run = this.running.get(taskId);
    if (run || this.store.assignments.has(taskId)) {
      task.status = 'cancelled';
      this.store.commit('tasks');
    }
    if (run) await this.stopContainer(run);
  }

  /** Well-behaved: only a live container is stopped; pending and finished tasks are left alone, and nothing waits. */
  private cancelRunningOnly(taskId: string): Promise<void> {
    const existing = this.inProgress.get(taskId);
    if (existing) return existing;
    const run = this.running.get(taskId);
    const task = this.store.findTask(taskId);
    if (!run || !task) return Promise.resolve();
    task.status = 'cancelled';
    this.store.commit('tasks');
    const done = this.stopContainer(run).then(() => void this.inProgress.delete(taskId));
    this.inProgress.set(taskId, done);
    return done;
  }

  /** The worker stops the container (docker stop's grace period), then reports the cancellation. */
  private stopContainer(run: TaskRun): Promise<void> {
    run.halt();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.stopping.delete(timer);
        this.lifecycle.finishRun(run, 'cancelled', CANCEL_LINE);
        resolve();
      }, this.cancelDelayMs);
      this.stopping.set(timer, resolve);
    });
  }
}
