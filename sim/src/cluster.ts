import { EventEmitter } from 'node:events';
import type { Random } from './random.ts';
import type { Store } from './store.ts';
import type { Capacity, TaskRecord, TaskSubmission, WorkerRecord } from './model.ts';
import type { SeededRun } from './bench-seed.ts';
import { Cancellation } from './cancellation.ts';
import { Heartbeats } from './heartbeats.ts';
import { ImagePulls } from './image-pulls.ts';
import { MasterLock } from './master-lock.ts';
import type { Quirks } from './quirks.ts';
import { RunningTasks } from './running-tasks.ts';
import { Scheduler } from './scheduler.ts';
import { prepareStartupState } from './startup-state.ts';
import { TaskIds } from './task-ids.ts';
import { TaskLifecycle } from './task-lifecycle.ts';
import type { TaskRun } from './task-run.ts';
import { WorkerRegistry, type SimWorker } from './worker-registry.ts';

// Types that routes, views and tests know from this module.
export type { SimWorker } from './worker-registry.ts';
export type { RunningTaskSnapshot, TelemetrySnapshot } from './worker-telemetry.ts';

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

export interface ClusterEvents {
  telemetry: [workerId: string];
}

/**
 * The simulated master's cluster, composed of its parts: the worker registry, their heartbeats, the
 * scheduler and each task's lifecycle (cancellation included). This is the one face routes and tests use.
 */
export class Cluster extends EventEmitter<ClusterEvents> {
  readonly workers: Map<string, SimWorker>;
  readonly pulls: ImagePulls;
  /** Held by a cancel while the worker stops the container; the scheduler and heartbeats wait for it. */
  readonly lock = new MasterLock(() => this.heartbeats.releaseHeld());
  private readonly registry: WorkerRegistry;
  private readonly running: RunningTasks;
  private readonly heartbeats: Heartbeats;
  private readonly scheduler: Scheduler;
  private readonly lifecycle: TaskLifecycle;
  private readonly cancellation: Cancellation;
  private readonly taskIds = new TaskIds();
  /** Seeded runs waiting for start() to set their timers going. */
  private seededRuns: SeededRun[] = [];

  constructor(
    private readonly store: Store,
    rng: Random,
    private readonly settings: ClusterSettings,
    quirks: Quirks,
  ) {
    super();
    this.setMaxListeners(0);
    this.pulls = new ImagePulls({ pullMs: settings.pullMs, firstPullMs: settings.firstPullMs }, settings.timeScale);
    this.registry = new WorkerRegistry(store, rng, quirks, settings.timeScale);
    this.workers = this.registry.workers;
    this.running = new RunningTasks(store);
    this.heartbeats = new Heartbeats(this.registry, this.running, this.lock, store, rng, settings, (workerId) =>
      this.emit('telemetry', workerId),
    );
    this.lifecycle = new TaskLifecycle(store, rng, this.running, this.pulls, quirks, settings.timeScale);
    this.scheduler = new Scheduler(this.registry, this.running, this.lock, this.lifecycle);
    this.cancellation = new Cancellation(
      store,
      this.running,
      this.lock,
      this.lifecycle,
      quirks,
      settings.cancelDelayMs,
    );

    const startup = prepareStartupState(store, rng, settings, quirks);
    // After seeding, so ids continue past the seeded ones too.
    this.taskIds.noteExisting(store.tasks);
    this.seededRuns = startup.seededRuns;
    for (const task of startup.queued) this.scheduler.enqueue(task);
  }

  get inactiveAfterMs(): number {
    return this.registry.inactiveAfterMs;
  }

  start(): void {
    const records = this.store.workers ?? [];
    // Spread first heartbeats over one period so updates arrive evenly, not in bursts.
    records.forEach((record, index) => {
      const firstBeatInMs = (this.settings.heartbeatMs * index) / Math.max(1, records.length);
      this.heartbeats.begin(this.registry.add(record), firstBeatInMs);
    });
    for (const seeded of this.seededRuns) this.lifecycle.launchSeeded(seeded);
    this.seededRuns = [];
    this.scheduler.start(this.settings.heartbeatMs);
  }

  stop(): void {
    this.scheduler.stop();
    this.heartbeats.stop();
    for (const run of this.running.all()) run.halt();
    this.cancellation.stop();
  }

  // ---- workers ----

  capacityOf(worker: SimWorker): Capacity {
    return this.registry.capacityOf(worker);
  }

  isActive(worker: SimWorker, nowMs = Date.now()): boolean {
    return this.registry.isActive(worker, nowMs);
  }

  allocated(workerId: string): Capacity {
    return this.running.allocated(workerId);
  }

  /** Throws the master's error text on a duplicate. The machine connects about one heartbeat later. */
  registerWorker(workerId: string, workerIp: string, capacity?: Partial<Capacity>): WorkerRecord {
    const record = this.registry.register(workerId, workerIp, capacity);
    this.heartbeats.begin(this.registry.add(record), this.settings.heartbeatMs);
    return record;
  }

  removeWorker(workerId: string): boolean {
    const worker = this.registry.get(workerId);
    if (!worker) return false;
    this.heartbeats.silence(worker);
    this.lifecycle.failRunsOn(workerId);
    this.pulls.forgetWorker(workerId);
    this.registry.forget(workerId);
    return true;
  }

  setPaused(workerId: string, paused: boolean): boolean {
    return this.registry.setPaused(workerId, paused);
  }

  setAllPaused(paused: boolean): string[] {
    return this.registry.setAllPaused(paused);
  }

  // ---- tasks ----

  findTask(taskId: string): TaskRecord | undefined {
    return this.store.findTask(taskId);
  }

  liveRun(taskId: string): TaskRun | undefined {
    return this.running.get(taskId);
  }

  phaseOf(task: TaskRecord): TaskPhase {
    const run = this.running.get(task.task_id);
    if (run) return run.isPulling ? 'pulling' : 'running';
    if (task.status === 'pending') return this.scheduler.isQueued(task) ? 'queued' : 'unqueued';
    return 'finished';
  }

  /**
   * Stores the task as pending before returning (`durable`, for an acknowledged submit) or with the next
   * background flush (generated tasks), and queues it; the position counts the new task itself.
   */
  submit(submission: TaskSubmission, durable = true): { task: TaskRecord; queuePosition: number } {
    const task: TaskRecord = { task_id: this.taskIds.next(), ...submission, status: 'pending', created_ms: Date.now() };
    this.store.addTask(task);
    if (durable) this.store.commit('tasks');
    else this.store.touch('tasks');
    return { task, queuePosition: this.scheduler.enqueue(task) };
  }

  recordStreamStatus(taskId: string, status: string): void {
    this.lifecycle.recordStreamStatus(taskId, status);
  }

  cancel(taskId: string): Promise<void> {
    return this.cancellation.cancel(taskId);
  }

  schedule(): void {
    this.scheduler.schedule();
  }
}
