import type { Capacity, TaskRecord } from './model.ts';
import type { Store } from './store.ts';
import type { TaskRun } from './task-run.ts';
import { addRequirements, emptyCapacity } from './resource-fit.ts';

/** Every live run (pulling or running), by task and by worker; what they hold is each worker's allocation. */
export class RunningTasks {
  private readonly byTask = new Map<string, TaskRun>();
  /** The same runs grouped by worker, so allocations and heartbeats cost O(tasks on that worker). */
  private readonly byWorker = new Map<string, Set<TaskRun>>();

  constructor(private readonly store: Store) {}

  get(taskId: string): TaskRun | undefined {
    return this.byTask.get(taskId);
  }

  all(): Iterable<TaskRun> {
    return this.byTask.values();
  }

  /** A copy, so callers may end runs while going through it. */
  onWorker(workerId: string): TaskRun[] {
    return [...(this.byWorker.get(workerId) ?? [])];
  }

  add(run: TaskRun): void {
    this.byTask.set(run.taskId, run);
    let onWorker = this.byWorker.get(run.workerId);
    if (!onWorker) this.byWorker.set(run.workerId, (onWorker = new Set()));
    onWorker.add(run);
  }

  /** False when the run was already gone: a second completion report for one task does nothing. */
  remove(run: TaskRun): boolean {
    if (!this.byTask.has(run.taskId)) return false;
    this.byTask.delete(run.taskId);
    const onWorker = this.byWorker.get(run.workerId);
    onWorker?.delete(run);
    if (onWorker?.size === 0) this.byWorker.delete(run.workerId);
    return true;
  }

  /** Tasks with a live run on the worker; a run whose task record is gone holds nothing. */
  tasksOn(workerId: string): TaskRecord[] {
    const tasks: TaskRecord[] = [];
    for (const run of this.byWorker.get(workerId) ?? []) {
      const task = this.store.findTask(run.taskId);
      if (task) tasks.push(task);
    }
    return tasks;
  }

  /** Sum of requirements of tasks running on the worker. */
  allocated(workerId: string): Capacity {
    const total = emptyCapacity();
    for (const task of this.tasksOn(workerId)) addRequirements(total, task);
    return total;
  }
}
