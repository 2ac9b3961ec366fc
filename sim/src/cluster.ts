import { EventEmitter } from 'node:events';
import type { Random } from './random.ts';
import type { Store } from './store.ts';
import type { AssignmentRecord, Capacity, ContainerStatus, ResultStatus, TaskRecord, TaskSubmission, WorkerRecord } from './model.ts';
import { buildLogScript, CANCEL_LINE } from './log-script.ts';
import { seedBenchData, type SeededRun } from './bench-seed.ts';
import { unixSeconds } from './go-http.ts';
import { TaskRun } from './task-run.ts';
import { defaultWorkers, randomCapacity } from './worker-profiles.ts';

/** The real master marks a worker inactive after 30 s without a heartbeat. */
const INACTIVE_AFTER_MS = 30_000;
const FAILURE_PROBABILITY = 0.12;
const TERMINATED_LINE = 'Task failed: Worker was terminated while task was running';

export interface ClusterSettings {
  workers: number;
  heartbeatMs: number;
  timeScale: number;
  cancelDelayMs: number;
  dropout: number;
  preciseTimestamps: boolean;
  seedTasks: number;
  seedRunning: number;
  logLines: number;
}

export interface RunningTaskSnapshot {
  task_id: string;
  cpu_allocated: number;
  memory_allocated: number;
  gpu_allocated: number;
  status: 'running';
}

/** What the last heartbeat said; `last_update_ms` is when the master received it and pushed it to the telemetry sockets. */
export interface TelemetrySnapshot {
  cpu_usage: number;
  memory_usage: number;
  gpu_usage: number;
  running_tasks: RunningTaskSnapshot[];
  last_update_ms: number;
}

export interface SimWorker {
  record: WorkerRecord;
  telemetry?: TelemetrySnapshot;
  paused: boolean;
  silentUntilMs: number;
  timer?: NodeJS.Timeout;
}

export interface ClusterEvents {
  telemetry: [workerId: string];
}

function clampPercent(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)) * 100) / 100;
}

/** Workers, their heartbeats, the scheduler and every task's lifecycle. */
export class Cluster extends EventEmitter<ClusterEvents> {
  readonly workers = new Map<string, SimWorker>();
  private readonly runs = new Map<string, TaskRun>();
  /** The same runs grouped by worker, so allocations and heartbeats cost O(tasks on that worker). */
  private readonly runsByWorker = new Map<string, Set<TaskRun>>();
  /** Seeded runs waiting for start() to set their timers going. */
  private seededRuns: SeededRun[] = [];
  private readonly cancellations = new Map<string, Promise<void>>();
  private schedulerTimer: NodeJS.Timeout | undefined;
  private lastTaskNanos = 0n;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly rng: Random,
    private readonly settings: ClusterSettings,
  ) {
    super();
    this.setMaxListeners(0);
    const fresh = store.isFresh;
    if (store.workers === null) {
      store.workers = defaultWorkers(rng, settings.workers, Date.now());
      store.commit('workers');
    }
    for (const task of store.tasks) {
      const nanos = BigInt(task.task_id.replace(/^task-/, '').replace(/\D/g, '') || '0');
      if (nanos > this.lastTaskNanos) this.lastTaskNanos = nanos;
    }
    this.failInterruptedTasks();
    if (fresh && (settings.seedTasks > 0 || settings.logLines > 0)) {
      this.seededRuns = seedBenchData(store, rng, settings, Date.now());
      store.commit('workers', 'tasks', 'results', 'assignments');
      for (const task of store.tasks) {
        const nanos = BigInt(task.task_id.replace(/^task-/, '').replace(/\D/g, '') || '0');
        if (nanos > this.lastTaskNanos) this.lastTaskNanos = nanos;
      }
    }
  }

  /** A telemetry time on the wire: whole unix seconds, or with --precise-timestamps fractional seconds (ms precision). */
  telemetrySeconds(ms: number): number {
    return this.settings.preciseTimestamps ? ms / 1000 : unixSeconds(ms);
  }

  get inactiveAfterMs(): number {
    return INACTIVE_AFTER_MS * this.settings.timeScale;
  }

  start(): void {
    const records = this.store.workers ?? [];
    // Spread first heartbeats over one period so updates arrive evenly, not in bursts.
    records.forEach((record, index) => this.addRuntime(record, (this.settings.heartbeatMs * index) / Math.max(1, records.length)));
    for (const seeded of this.seededRuns) this.launch(seeded.task, seeded.workerId, seeded);
    this.seededRuns = [];
    const scanMs = Math.max(20, Math.min(1000, this.settings.heartbeatMs / 2));
    this.schedulerTimer = setInterval(() => this.schedule(), scanMs);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.schedulerTimer);
    for (const worker of this.workers.values()) clearTimeout(worker.timer);
    for (const run of this.runs.values()) run.halt();
  }

  // ---- workers ----

  isActive(worker: SimWorker, nowMs = Date.now()): boolean {
    return worker.telemetry !== undefined && nowMs - worker.telemetry.last_update_ms < this.inactiveAfterMs;
  }

  /** Sum of requirements of tasks running on the worker. */
  allocated(workerId: string): Capacity {
    const total: Capacity = { cpu: 0, memory: 0, storage: 0, gpu: 0 };
    for (const run of this.runsByWorker.get(workerId) ?? []) {
      const task = this.findTask(run.taskId);
      if (!task) continue;
      total.cpu += task.cpu_required;
      total.memory += task.memory_required;
      total.storage += task.storage_required;
      total.gpu += task.gpu_required;
    }
    return total;
  }

  /** Throws the master's error text on a duplicate. The machine connects about one heartbeat later. */
  registerWorker(workerId: string, workerIp: string, capacity?: Partial<Capacity>): WorkerRecord {
    if (this.workers.has(workerId)) throw new Error(`worker ${workerId} already registered`);
    const record: WorkerRecord = {
      worker_id: workerId,
      worker_ip: workerIp,
      capacity: { ...randomCapacity(this.rng, workerId), ...capacity },
      registered_ms: Date.now(),
      last_heartbeat_ms: 0,
    };
    this.store.workers!.push(record);
    this.store.commit('workers');
    this.addRuntime(record, this.settings.heartbeatMs);
    return record;
  }

  removeWorker(workerId: string): boolean {
    const worker = this.workers.get(workerId);
    if (!worker) return false;
    clearTimeout(worker.timer);
    for (const run of [...(this.runsByWorker.get(workerId) ?? [])]) this.finishRun(run, 'failed', TERMINATED_LINE);
    this.workers.delete(workerId);
    this.store.workers = this.store.workers!.filter((record) => record.worker_id !== workerId);
    this.store.commit('workers');
    return true;
  }

  setPaused(workerId: string, paused: boolean): boolean {
    const worker = this.workers.get(workerId);
    if (!worker) return false;
    worker.paused = paused;
    if (!paused) worker.silentUntilMs = 0;
    return true;
  }

  /** Pauses or resumes every current worker (workers added later start unpaused); returns their ids. */
  setAllPaused(paused: boolean): string[] {
    const ids = [...this.workers.keys()];
    for (const workerId of ids) this.setPaused(workerId, paused);
    return ids;
  }

  private addRuntime(record: WorkerRecord, firstBeatInMs: number): void {
    const worker: SimWorker = { record, paused: false, silentUntilMs: 0 };
    this.workers.set(record.worker_id, worker);
    const beat = (delayMs: number) => {
      worker.timer = setTimeout(() => {
        this.heartbeat(worker);
        if (!this.stopped && this.workers.get(record.worker_id) === worker) beat(this.settings.heartbeatMs);
      }, delayMs);
    };
    beat(firstBeatInMs);
  }

  private heartbeat(worker: SimWorker): void {
    let now = Date.now();
    if (worker.paused || now < worker.silentUntilMs) return;
    if (this.rng.chance(this.settings.dropout)) {
      // Long enough to cross the inactivity threshold, then it comes back on its own.
      worker.silentUntilMs = now + this.inactiveAfterMs * this.rng.between(1.2, 2);
      return;
    }
    const { capacity } = worker.record;
    const used = this.allocated(worker.record.worker_id);
    const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);
    const noise = (spread: number) => this.rng.between(-spread, spread);
    const running: RunningTaskSnapshot[] = [];
    for (const run of this.runsByWorker.get(worker.record.worker_id) ?? []) {
      const task = this.findTask(run.taskId);
      if (task) running.push({ task_id: task.task_id, cpu_allocated: task.cpu_required, memory_allocated: task.memory_required, gpu_allocated: task.gpu_required, status: 'running' });
    }
    // The listeners write the frame synchronously on emit, so this is also the time it reaches the sockets.
    now = Date.now();
    worker.telemetry = {
      cpu_usage: clampPercent(4 + 88 * share(used.cpu, capacity.cpu) + noise(5)),
      memory_usage: clampPercent(14 + 78 * share(used.memory, capacity.memory) + noise(3)),
      gpu_usage: capacity.gpu > 0 ? clampPercent(used.gpu > 0 ? 55 + 40 * share(used.gpu, capacity.gpu) + noise(6) : this.rng.between(0, 2)) : 0,
      running_tasks: running,
      last_update_ms: now,
    };
    worker.record.last_heartbeat_ms = now;
    this.store.touch('workers');
    this.emit('telemetry', worker.record.worker_id);
  }

  // ---- tasks ----

  findTask(taskId: string): TaskRecord | undefined {
    return this.store.findTask(taskId);
  }

  liveRun(taskId: string): TaskRun | undefined {
    return this.runs.get(taskId);
  }

  /**
   * Stores the task as pending before returning (`durable`, for an acknowledged submit) or with the next
   * background flush (generated tasks); the position counts the new task itself.
   */
  submit(submission: TaskSubmission, durable = true): { task: TaskRecord; queuePosition: number } {
    const task: TaskRecord = { task_id: this.nextTaskId(), ...submission, status: 'pending', created_ms: Date.now() };
    this.store.addTask(task);
    if (durable) this.store.commit('tasks');
    else this.store.touch('tasks');
    const queuePosition = this.store.tasks.filter((candidate) => candidate.status === 'pending').length;
    return { task, queuePosition };
  }

  /**
   * Resolves once the worker has stopped the container. Like the real master it never fails:
   * a pending task is left alone, a finished one is not touched (unlike the real master, which overwrites it).
   */
  cancel(taskId: string): Promise<void> {
    const existing = this.cancellations.get(taskId);
    if (existing) return existing;
    const run = this.runs.get(taskId);
    const task = this.findTask(taskId);
    if (!run || !task) return Promise.resolve();
    task.status = 'cancelled';
    this.store.commit('tasks');
    run.halt();
    const done = new Promise<void>((resolve) => {
      setTimeout(() => {
        this.cancellations.delete(taskId);
        this.finishRun(run, 'cancelled', CANCEL_LINE);
        resolve();
      }, this.settings.cancelDelayMs);
    });
    this.cancellations.set(taskId, done);
    return done;
  }

  /** Places pending tasks, oldest first, on the active worker with the most free CPU that fits all four resources. */
  schedule(): void {
    const now = Date.now();
    // Allocations are summed once per scan (not per pending task and worker) and updated as tasks are placed.
    let candidates: Array<{ worker: SimWorker; used: Capacity }> | undefined;
    for (const task of this.store.tasks) {
      if (task.status !== 'pending') continue;
      candidates ??= [...this.workers.values()]
        .filter((worker) => !worker.paused && this.isActive(worker, now))
        .map((worker) => ({ worker, used: this.allocated(worker.record.worker_id) }));
      let best: { candidate: (typeof candidates)[number]; freeCpuShare: number } | undefined;
      for (const candidate of candidates) {
        const { capacity } = candidate.worker.record;
        const { used } = candidate;
        const fits =
          capacity.cpu - used.cpu >= task.cpu_required &&
          capacity.memory - used.memory >= task.memory_required &&
          capacity.storage - used.storage >= task.storage_required &&
          capacity.gpu - used.gpu >= task.gpu_required;
        if (!fits) continue;
        const freeCpuShare = (capacity.cpu - used.cpu - task.cpu_required) / capacity.cpu;
        if (!best || freeCpuShare > best.freeCpuShare) best = { candidate, freeCpuShare };
      }
      if (!best) continue;
      this.assign(task, best.candidate.worker);
      const { used } = best.candidate;
      used.cpu += task.cpu_required;
      used.memory += task.memory_required;
      used.storage += task.storage_required;
      used.gpu += task.gpu_required;
    }
  }

  private assign(task: TaskRecord, worker: SimWorker): void {
    const now = Date.now();
    const assignment: AssignmentRecord = { task_id: task.task_id, worker_id: worker.record.worker_id, assigned_ms: now };
    task.status = 'running';
    task.started_ms = now;
    this.store.assignments.set(task.task_id, assignment);
    const { durationMs, succeeds } = this.plan(task);
    const script = buildLogScript(this.rng, task, succeeds);
    this.launch(task, worker.record.worker_id, { durationMs, succeeds, script, elapsedMs: 0 });
    this.store.touch('tasks', 'assignments');
  }

  /** Starts the container of a task already marked running and assigned. */
  private launch(task: TaskRecord, workerId: string, plan: Omit<SeededRun, 'task' | 'workerId'>): void {
    const run = new TaskRun(
      task.task_id,
      workerId,
      plan.script,
      plan.durationMs,
      plan.succeeds,
      (exited) => this.finishRun(exited, exited.succeeds ? 'success' : 'failed'),
      plan.elapsedMs,
    );
    run.benchLines = plan.benchLines ?? 0;
    this.runs.set(task.task_id, run);
    let onWorker = this.runsByWorker.get(workerId);
    if (!onWorker) this.runsByWorker.set(workerId, (onWorker = new Set()));
    onWorker.add(run);
  }

  /** `sleep N` in the command sets the run time and `exit N` the outcome, so callers can script a task; otherwise random. */
  private plan(task: TaskRecord): { durationMs: number; succeeds: boolean } {
    const sleep = /\bsleep\s+(\d+(?:\.\d+)?)/.exec(task.command);
    const exit = /\bexit\s+(\d+)/.exec(task.command);
    const seconds = sleep ? Number(sleep[1]) : this.rng.between(20, 90);
    const succeeds = exit ? exit[1] === '0' : !this.rng.chance(FAILURE_PROBABILITY);
    return { durationMs: seconds * 1000 * this.settings.timeScale, succeeds };
  }

  private finishRun(run: TaskRun, status: ResultStatus, finalLine?: string): void {
    if (!this.runs.has(run.taskId)) return;
    this.runs.delete(run.taskId);
    const onWorker = this.runsByWorker.get(run.workerId);
    onWorker?.delete(run);
    if (onWorker?.size === 0) this.runsByWorker.delete(run.workerId);
    if (finalLine) run.print(finalLine);
    const task = this.findTask(run.taskId);
    const now = Date.now();
    if (task) {
      task.status = status === 'success' ? 'completed' : status;
      task.completed_ms = now;
    }
    this.store.results.set(run.taskId, {
      task_id: run.taskId,
      worker_id: run.workerId,
      status,
      logs: run.lines.map((line) => `${line}\n`).join(''),
      completed_ms: now,
    });
    this.store.touch('tasks', 'results');
    // A stopped container exits non-zero, so a cancelled task's live stream ends as "failed".
    const containerStatus: ContainerStatus = status === 'success' ? 'completed' : 'failed';
    run.end(containerStatus);
  }

  /**
   * Containers do not survive a simulator restart: a task left running is marked failed with a log line
   * saying why, and its resources are free again. Pending tasks need nothing: the scheduler scans the store.
   */
  private failInterruptedTasks(): void {
    const now = Date.now();
    let changed = false;
    for (const task of this.store.tasks) {
      if (task.status !== 'running') continue;
      changed = true;
      task.status = 'failed';
      task.completed_ms = now;
      this.store.results.set(task.task_id, {
        task_id: task.task_id,
        worker_id: this.store.assignments.get(task.task_id)?.worker_id ?? '',
        status: 'failed',
        logs: 'Task failed: simulator restarted while the task was running\n',
        completed_ms: now,
      });
    }
    if (changed) this.store.commit('tasks', 'results');
  }

  private nextTaskId(): string {
    // Wall-clock nanoseconds like the master, forced strictly increasing so two submits in one millisecond differ.
    const nanos = BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n);
    this.lastTaskNanos = nanos > this.lastTaskNanos ? nanos : this.lastTaskNanos + 1n;
    return `task-${this.lastTaskNanos}`;
  }
}
