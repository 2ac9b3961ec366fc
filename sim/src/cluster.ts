import { EventEmitter } from 'node:events';
import type { Random } from './random.ts';
import type { Store } from './store.ts';
import type { AssignmentRecord, Capacity, ContainerStatus, ResultStatus, TaskRecord, TaskStatus, TaskSubmission, WorkerRecord } from './model.ts';
import { buildLogScript, CANCEL_LINE } from './log-script.ts';
import { seedBenchData, type SeededRun } from './bench-seed.ts';
import { ImagePulls } from './image-pulls.ts';
import { MasterLock } from './master-lock.ts';
import type { Quirks } from './quirks.ts';
import { TaskRun, type RunPlan } from './task-run.ts';
import { defaultWorkers, randomCapacity } from './worker-profiles.ts';

/** The real master marks a worker inactive after 30 s without a heartbeat. */
const INACTIVE_AFTER_MS = 30_000;
const FAILURE_PROBABILITY = 0.12;
const TERMINATED_LINE = 'Task failed: Worker was terminated while task was running';
const RESTARTED_LINE = 'Task failed: simulator restarted while the task was running';
const SETTLED: ReadonlySet<TaskStatus> = new Set(['pending', 'completed', 'failed', 'cancelled']);

export interface ClusterSettings {
  workers: number;
  heartbeatMs: number;
  timeScale: number;
  cancelDelayMs: number;
  dropout: number;
  seedTasks: number;
  seedRunning: number;
  logLines: number;
  pullMs: number;
  firstPullMs: number;
}

/** Where a task is in its life, for tests that wait for states (control API). */
export type TaskPhase = 'queued' | 'unqueued' | 'pulling' | 'running' | 'finished';

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
  /** A heartbeat that arrived while the master's lock was held, processed when it is released. */
  heldBeat: boolean;
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
  readonly pulls: ImagePulls;
  /** Held by a cancel while the worker stops the container; the scheduler and heartbeats wait for it. */
  readonly lock = new MasterLock(() => this.releaseHeldHeartbeats());
  private readonly runs = new Map<string, TaskRun>();
  /** The same runs grouped by worker, so allocations and heartbeats cost O(tasks on that worker). */
  private readonly runsByWorker = new Map<string, Set<TaskRun>>();
  /** The scheduler's queue, oldest first. In memory only, like the master's: filled by this process's submissions. */
  private readonly queue = new Set<TaskRecord>();
  /** Seeded runs waiting for start() to set their timers going. */
  private seededRuns: SeededRun[] = [];
  private readonly cancellations = new Map<string, Promise<void>>();
  /** Containers being stopped, so stop() can end the waits instead of keeping the process alive. */
  private readonly stopping = new Map<NodeJS.Timeout, () => void>();
  private schedulerTimer: NodeJS.Timeout | undefined;
  private lastTaskNanos = 0n;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly rng: Random,
    private readonly settings: ClusterSettings,
    private readonly quirks: Quirks,
  ) {
    super();
    this.setMaxListeners(0);
    this.pulls = new ImagePulls({ pullMs: settings.pullMs, firstPullMs: settings.firstPullMs }, settings.timeScale);
    const fresh = store.isFresh;
    if (store.workers === null) {
      store.workers = defaultWorkers(rng, settings.workers, Date.now());
      store.commit('workers');
    }
    this.noteTaskIds();
    this.failInterruptedTasks();
    let seeded = false;
    if (fresh && (settings.seedTasks > 0 || settings.logLines > 0)) {
      this.seededRuns = seedBenchData(store, rng, { ...settings, gpus: !quirks.noGpus }, Date.now());
      store.commit('workers', 'tasks', 'results', 'assignments');
      this.noteTaskIds();
      seeded = true;
    }
    // Seeded pending tasks count as submitted by this process; older ones only a forgiving master re-queues.
    if (seeded || !quirks.forgetsQueueOnRestart) {
      for (const task of store.tasks) if (task.status === 'pending') this.queue.add(task);
    }
  }

  get inactiveAfterMs(): number {
    return INACTIVE_AFTER_MS * this.settings.timeScale;
  }

  start(): void {
    const records = this.store.workers ?? [];
    // Spread first heartbeats over one period so updates arrive evenly, not in bursts.
    records.forEach((record, index) => this.addRuntime(record, (this.settings.heartbeatMs * index) / Math.max(1, records.length)));
    for (const seeded of this.seededRuns) this.launchSeeded(seeded);
    this.seededRuns = [];
    const scanMs = Math.max(20, Math.min(1000, this.settings.heartbeatMs / 2));
    this.schedulerTimer = setInterval(() => this.schedule(), scanMs);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.schedulerTimer);
    for (const worker of this.workers.values()) clearTimeout(worker.timer);
    for (const run of this.runs.values()) run.halt();
    for (const [timer, resolve] of this.stopping) {
      clearTimeout(timer);
      resolve();
    }
    this.stopping.clear();
  }

  // ---- workers ----

  /** What the machine reports to the master: real workers detect no GPUs. */
  capacityOf(worker: SimWorker): Capacity {
    const { capacity } = worker.record;
    return this.quirks.noGpus ? { ...capacity, gpu: 0 } : capacity;
  }

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
    this.pulls.forgetWorker(workerId);
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
    const worker: SimWorker = { record, paused: false, silentUntilMs: 0, heldBeat: false };
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
    const now = Date.now();
    if (worker.paused || now < worker.silentUntilMs) return;
    if (this.rng.chance(this.settings.dropout)) {
      // Long enough to cross the inactivity threshold, then it comes back on its own.
      worker.silentUntilMs = now + this.inactiveAfterMs * this.rng.between(1.2, 2);
      return;
    }
    // The worker's call blocks on the master's lock; its ticker drops the beats that fall due meanwhile.
    if (this.lock.held) {
      worker.heldBeat = true;
      return;
    }
    this.processHeartbeat(worker);
  }

  private releaseHeldHeartbeats(): void {
    for (const worker of this.workers.values()) {
      if (!worker.heldBeat) continue;
      worker.heldBeat = false;
      if (!this.stopped) this.processHeartbeat(worker);
    }
  }

  private processHeartbeat(worker: SimWorker): void {
    const capacity = this.capacityOf(worker);
    const used = this.allocated(worker.record.worker_id);
    const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);
    const noise = (spread: number) => this.rng.between(-spread, spread);
    const running: RunningTaskSnapshot[] = [];
    for (const run of this.runsByWorker.get(worker.record.worker_id) ?? []) {
      const task = this.findTask(run.taskId);
      if (task) running.push({ task_id: task.task_id, cpu_allocated: task.cpu_required, memory_allocated: task.memory_required, gpu_allocated: task.gpu_required, status: 'running' });
    }
    // The listeners write the frame synchronously on emit, so this is also the time it reaches the sockets.
    const now = Date.now();
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

  phaseOf(task: TaskRecord): TaskPhase {
    const run = this.runs.get(task.task_id);
    if (run) return run.isPulling ? 'pulling' : 'running';
    if (task.status === 'pending') return this.queue.has(task) ? 'queued' : 'unqueued';
    return 'finished';
  }

  /**
   * Stores the task as pending before returning (`durable`, for an acknowledged submit) or with the next
   * background flush (generated tasks), and queues it; the position counts the new task itself.
   */
  submit(submission: TaskSubmission, durable = true): { task: TaskRecord; queuePosition: number } {
    const task: TaskRecord = { task_id: this.nextTaskId(), ...submission, status: 'pending', created_ms: Date.now() };
    this.store.addTask(task);
    if (durable) this.store.commit('tasks');
    else this.store.touch('tasks');
    this.queue.add(task);
    return { task, queuePosition: this.queue.size };
  }

  /** The master's log-stream side effect: the final chunk's status replaces the task's (contract §7.3 item 6). */
  recordStreamStatus(taskId: string, status: string): void {
    const task = this.findTask(taskId);
    if (!task || status === 'running') return;
    task.status = status as TaskStatus;
    this.store.touch('tasks');
  }

  /** Resolves when the master would answer. Like the real master it never fails. */
  cancel(taskId: string): Promise<void> {
    return this.quirks.lockingCancel ? this.lock.run(() => this.cancelHoldingLock(taskId)) : this.cancelRunningOnly(taskId);
  }

  /**
   * The real master: under its global lock, a task with a live container is marked cancelled and stopped; any
   * other task with an assignment (finished ones too) is just marked cancelled; a pending task is left alone.
   */
  private async cancelHoldingLock(taskId: string): Promise<void> {
    const task = this.findTask(taskId);
    if (!task) return;
    const run = this.runs.get(taskId);
    if (run || this.store.assignments.has(taskId)) {
      task.status = 'cancelled';
      this.store.commit('tasks');
    }
    if (run) await this.stopContainer(run);
  }

  /** Well-behaved: only a live container is stopped; pending and finished tasks are left alone, and nothing waits. */
  private cancelRunningOnly(taskId: string): Promise<void> {
    const existing = this.cancellations.get(taskId);
    if (existing) return existing;
    const run = this.runs.get(taskId);
    const task = this.findTask(taskId);
    if (!run || !task) return Promise.resolve();
    task.status = 'cancelled';
    this.store.commit('tasks');
    const done = this.stopContainer(run).then(() => void this.cancellations.delete(taskId));
    this.cancellations.set(taskId, done);
    return done;
  }

  /** The worker stops the container (docker stop's grace period), then reports the cancellation. */
  private stopContainer(run: TaskRun): Promise<void> {
    run.halt();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.stopping.delete(timer);
        this.finishRun(run, 'cancelled', CANCEL_LINE);
        resolve();
      }, this.settings.cancelDelayMs);
      this.stopping.set(timer, resolve);
    });
  }

  /** Places queued tasks, oldest first, on the active worker with the most free CPU that fits all four resources. */
  schedule(): void {
    if (this.lock.held || this.queue.size === 0) return;
    const now = Date.now();
    // Allocations are summed once per scan (not per queued task and worker) and updated as tasks are placed.
    let candidates: Array<{ worker: SimWorker; capacity: Capacity; used: Capacity }> | undefined;
    for (const task of this.queue) {
      candidates ??= [...this.workers.values()]
        .filter((worker) => !worker.paused && this.isActive(worker, now))
        .map((worker) => ({ worker, capacity: this.capacityOf(worker), used: this.allocated(worker.record.worker_id) }));
      let best: { candidate: (typeof candidates)[number]; freeCpuShare: number } | undefined;
      for (const candidate of candidates) {
        const { capacity, used } = candidate;
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
      this.queue.delete(task);
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
    const workerId = worker.record.worker_id;
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

  /** Starts the run of a task already marked running and assigned. */
  private launch(task: TaskRecord, workerId: string, plan: RunPlan, benchLines = 0): void {
    const run = new TaskRun(task.task_id, workerId, plan, (exited) => this.finishRun(exited, exited.succeeds ? 'success' : 'failed'));
    run.benchLines = benchLines;
    this.runs.set(task.task_id, run);
    let onWorker = this.runsByWorker.get(workerId);
    if (!onWorker) this.runsByWorker.set(workerId, (onWorker = new Set()));
    onWorker.add(run);
  }

  /** Seeded runs started before this process: past their pull, so their images are on the machine. */
  private launchSeeded(seeded: SeededRun): void {
    this.pulls.markPulled(seeded.workerId, seeded.task.docker_image);
    const { durationMs, succeeds, script, elapsedMs } = seeded;
    this.launch(seeded.task, seeded.workerId, { durationMs, succeeds, script, elapsedMs, pullMs: 0 }, seeded.benchLines);
  }

  /** `sleep N` in the command sets the run time and `exit N` the outcome, so callers can script a task; otherwise random. */
  private plan(task: TaskRecord): { durationMs: number; succeeds: boolean } {
    const sleep = /\bsleep\s+(\d+(?:\.\d+)?)/.exec(task.command);
    const exit = /\bexit\s+(\d+)/.exec(task.command);
    const seconds = sleep ? Number(sleep[1]) : this.rng.between(20, 90);
    const succeeds = exit ? exit[1] === '0' : !this.rng.chance(FAILURE_PROBABILITY);
    return { durationMs: seconds * 1000 * this.settings.timeScale, succeeds };
  }

  /** The worker's completion report: frees the resources, stores the result and ends any live log streams. */
  private finishRun(run: TaskRun, status: ResultStatus, finalLine?: string): void {
    if (!this.runs.has(run.taskId)) return;
    this.runs.delete(run.taskId);
    const onWorker = this.runsByWorker.get(run.workerId);
    onWorker?.delete(run);
    if (onWorker?.size === 0) this.runsByWorker.delete(run.workerId);
    const task = this.findTask(run.taskId);
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

  /**
   * Containers do not survive a simulator restart: a task that had one (assigned, no result yet) is marked
   * failed with a log line saying why, and its resources are free again; one being cancelled gets its
   * cancellation result. Pending tasks are the scheduler's business (see the constructor).
   */
  private failInterruptedTasks(): void {
    const now = Date.now();
    let changed = false;
    for (const task of this.store.tasks) {
      const interrupted = !SETTLED.has(task.status) || (task.status === 'cancelled' && this.store.assignments.has(task.task_id));
      if (!interrupted || this.store.results.has(task.task_id)) continue;
      changed = true;
      const cancelled = task.status === 'cancelled';
      if (!cancelled) task.status = 'failed';
      task.completed_ms = now;
      this.store.results.set(task.task_id, {
        task_id: task.task_id,
        worker_id: this.store.assignments.get(task.task_id)?.worker_id ?? '',
        status: cancelled ? 'cancelled' : 'failed',
        logs: `${cancelled ? CANCEL_LINE : RESTARTED_LINE}\n`,
        completed_ms: now,
      });
    }
    if (changed) this.store.commit('tasks', 'results');
  }

  /** Ids continue after the newest one in the store, so a restart never reuses one. */
  private noteTaskIds(): void {
    for (const task of this.store.tasks) {
      const nanos = BigInt(task.task_id.replace(/^task-/, '').replace(/\D/g, '') || '0');
      if (nanos > this.lastTaskNanos) this.lastTaskNanos = nanos;
    }
  }

  private nextTaskId(): string {
    // Wall-clock nanoseconds like the master, forced strictly increasing so two submits in one millisecond differ.
    const nanos = BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n);
    this.lastTaskNanos = nanos > this.lastTaskNanos ? nanos : this.lastTaskNanos + 1n;
    return `task-${this.lastTaskNanos}`;
  }
}
