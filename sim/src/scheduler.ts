import type { MasterLock } from './master-lock.ts';
import type { TaskRecord } from './model.ts';
import type { RunningTasks } from './running-tasks.ts';
import type { TaskLifecycle } from './task-lifecycle.ts';
import type { SimWorker, WorkerRegistry } from './worker-registry.ts';
import { addRequirements, mostFreeCpuFit, type Occupancy } from './resource-fit.ts';

/**
 * The master's queue and its periodic scan. The queue is in memory only, like the master's: it holds what
 * this process was given (see Cluster's constructor for what survives a restart).
 */
export class Scheduler {
  /** Oldest first. */
  private readonly queue = new Set<TaskRecord>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: WorkerRegistry,
    private readonly running: RunningTasks,
    private readonly lock: MasterLock,
    private readonly lifecycle: TaskLifecycle,
  ) {}

  /** Returns the task's queue position, counting the task itself. */
  enqueue(task: TaskRecord): number {
    this.queue.add(task);
    return this.queue.size;
  }

  isQueued(task: TaskRecord): boolean {
    return this.queue.has(task);
  }

  /** Scans twice per heartbeat period (between 20 ms and 1 s), so a worker that comes up or frees room is used soon after. */
  start(heartbeatMs: number): void {
    const scanMs = Math.max(20, Math.min(1000, heartbeatMs / 2));
    this.timer = setInterval(() => this.schedule(), scanMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Places queued tasks, oldest first, on the active worker with the most free CPU that fits all four resources. */
  schedule(): void {
    if (this.lock.held || this.queue.size === 0) return;
    const now = Date.now();
    // Allocations are summed once per scan (not per queued task and worker) and updated as tasks are placed.
    let candidates: Array<Occupancy & { worker: SimWorker }> | undefined;
    for (const task of this.queue) {
      candidates ??= [...this.registry.workers.values()]
        .filter((worker) => !worker.paused && this.registry.isActive(worker, now))
        .map((worker) => ({
          worker,
          capacity: this.registry.capacityOf(worker),
          used: this.running.allocated(worker.record.worker_id),
        }));
      const best = mostFreeCpuFit(task, candidates);
      if (!best) continue;
      this.queue.delete(task);
      this.lifecycle.assign(task, best.worker.record.worker_id);
      addRequirements(best.used, task);
    }
  }
}
