import type { SeededRun } from './bench-seed.ts';
import type { ImagePulls } from './image-pulls.ts';
import type { AssignmentRecord, ContainerStatus, ResultStatus, TaskRecord, TaskStatus } from './model.ts';
import type { Quirks } from './quirks.ts';
import type { Random } from './random.ts';
import type { RunningTasks } from './running-tasks.ts';
import type { Store } from './store.ts';
import { buildLogScript } from './log-script.ts';
import { TaskRun, type RunPlan } from './task-run.ts';

const FAILURE_PROBABILITY = 0.12;
const TERMINATED_LINE = 'Task failed: Worker was terminated while task was running';

/** A task from assignment to its worker's completion report: the run, its outcome and the stored result. */
export class TaskLifecycle {
  constructor(
    private readonly store: Store,
    private readonly rng: Random,
    private readonly running: RunningTasks,
    private readonly pulls: ImagePulls,
    private readonly quirks: Quirks,
    private readonly timeScale: number,
  ) {}

  /** The scheduler's placement: the task is running from now, though its container waits for the image. */
  assign(task: TaskRecord, workerId: string): void {
    const now = Date.now();
    const assignment: AssignmentRecord = { task_id: task.task_id, worker_id: workerId, assigned_ms: now };
    task.status = 'running';
    task.started_ms = now;
    this.store.assignments.set(task.task_id, assignment);
    const { durationMs, succeeds } = this.plan(task);
    const script = buildLogScript(this.rng, task, succeeds);
    const pullMs = this.quirks.imagePulls ? this.pulls.startPull(workerId, task.docker_image, now) : 0;
    this.launch(task, workerId, { durationMs, succeeds, script, pullMs, elapsedMs: 0 });
    this.store.touch('tasks', 'assignments');
  }

  /** Seeded runs started before this process: past their pull, so their images are on the machine. */
  launchSeeded(seeded: SeededRun): void {
    this.pulls.markPulled(seeded.workerId, seeded.task.docker_image);
    const { durationMs, succeeds, script, elapsedMs } = seeded;
    this.launch(
      seeded.task,
      seeded.workerId,
      { durationMs, succeeds, script, elapsedMs, pullMs: 0 },
      seeded.benchLines,
    );
  }

  /** A removed worker's containers die with it. */
  failRunsOn(workerId: string): void {
    for (const run of this.running.onWorker(workerId)) this.finishRun(run, 'failed', TERMINATED_LINE);
  }

  /** The master's log-stream side effect: the final chunk's status replaces the task's (contract §7.3 item 6). */
  recordStreamStatus(taskId: string, status: string): void {
    const task = this.store.findTask(taskId);
    if (!task || status === 'running') return;
    task.status = status as TaskStatus;
    this.store.touch('tasks');
  }

  /** The worker's completion report: frees the resources, stores the result and ends any live log streams. */
  finishRun(run: TaskRun, status: ResultStatus, finalLine?: string): void {
    if (!this.running.remove(run)) return;
    const task = this.store.findTask(run.taskId);
    const now = Date.now();
    if (task) {
      const reported: TaskStatus = status === 'success' ? 'completed' : status;
      // Contract §8.2: a later completion report never overrides a cancellation (anything else it does).
      if (task.status !== 'cancelled' || reported === 'cancelled') task.status = reported;
      task.completed_ms = now;
    }
    this.store.results.set(run.taskId, {
      task_id: run.taskId,
      worker_id: run.workerId,
      status,
      // The worker's report adds its own last line; the container never printed it, so live streams don't see it.
      logs: [...run.lines, ...(finalLine ? [finalLine] : [])].map((line) => `${line}\n`).join(''),
      completed_ms: now,
    });
    this.store.touch('tasks', 'results');
    // A stopped container exits non-zero, so a cancelled task's live stream ends as "failed".
    const containerStatus: ContainerStatus = status === 'success' ? 'completed' : 'failed';
    run.end(containerStatus);
  }

  /** Starts the run of a task already marked running and assigned. */
  private launch(task: TaskRecord, workerId: string, plan: RunPlan, benchLines = 0): void {
    const run = new TaskRun(task.task_id, workerId, plan, (exited) =>
      this.finishRun(exited, exited.succeeds ? 'success' : 'failed'),
    );
    run.benchLines = benchLines;
    this.running.add(run);
  }

  /** `sleep N` in the command sets the run time and `exit N` the outcome, so callers can script a task; otherwise random. */
  private plan(task: TaskRecord): { durationMs: number; succeeds: boolean } {
    const sleep = /\bsleep\s+(\d+(?:\.\d+)?)/.exec(task.command);
    const exit = /\bexit\s+(\d+)/.exec(task.command);
    const seconds = sleep ? Number(sleep[1]) : this.rng.between(20, 90);
    const succeeds = exit ? exit[1] === '0' : !this.rng.chance(FAILURE_PROBABILITY);
    return { durationMs: seconds * 1000 * this.timeScale, succeeds };
  }
}
