import type { MasterLock } from './master-lock.ts';
import type { Random } from './random.ts';
import type { RunningTasks } from './running-tasks.ts';
import type { Store } from './store.ts';
import type { SimWorker, WorkerRegistry } from './worker-registry.ts';
import { readTelemetry } from './worker-telemetry.ts';

export interface HeartbeatSettings {
  heartbeatMs: number;
  /** Chance per beat that a worker goes silent for a while. */
  dropout: number;
}

/** Each worker's heartbeat ticker and what the master does with a beat: store the telemetry and announce it. */
export class Heartbeats {
  private stopped = false;

  constructor(
    private readonly registry: WorkerRegistry,
    private readonly running: RunningTasks,
    private readonly lock: MasterLock,
    private readonly store: Store,
    private readonly rng: Random,
    private readonly settings: HeartbeatSettings,
    private readonly onTelemetry: (workerId: string) => void,
  ) {}

  /** Starts the worker's ticker; it ends by itself once the worker is removed (or replaced) or everything stops. */
  begin(worker: SimWorker, firstBeatInMs: number): void {
    const workerId = worker.record.worker_id;
    const beat = (delayMs: number) => {
      worker.timer = setTimeout(() => {
        this.heartbeat(worker);
        if (!this.stopped && this.registry.get(workerId) === worker) beat(this.settings.heartbeatMs);
      }, delayMs);
    };
    beat(firstBeatInMs);
  }

  /** Stops the worker's ticker now rather than at its next tick. */
  silence(worker: SimWorker): void {
    clearTimeout(worker.timer);
  }

  stop(): void {
    this.stopped = true;
    for (const worker of this.registry.workers.values()) clearTimeout(worker.timer);
  }

  /** The master's lock was let go: the calls that were blocked on it go through now. */
  releaseHeld(): void {
    for (const worker of this.registry.workers.values()) {
      if (!worker.heldBeat) continue;
      worker.heldBeat = false;
      if (!this.stopped) this.deliver(worker);
    }
  }

  private heartbeat(worker: SimWorker): void {
    const now = Date.now();
    if (worker.paused || now < worker.silentUntilMs) return;
    if (this.rng.chance(this.settings.dropout)) {
      // Long enough to cross the inactivity threshold, then it comes back on its own.
      worker.silentUntilMs = now + this.registry.inactiveAfterMs * this.rng.between(1.2, 2);
      return;
    }
    // The worker's call blocks on the master's lock; its ticker drops the beats that fall due meanwhile.
    if (this.lock.held) {
      worker.heldBeat = true;
      return;
    }
    this.deliver(worker);
  }

  private deliver(worker: SimWorker): void {
    const workerId = worker.record.worker_id;
    const capacity = this.registry.capacityOf(worker);
    const used = this.running.allocated(workerId);
    const tasks = this.running.tasksOn(workerId);
    // The listeners write the frame synchronously on emit, so this is also the time it reaches the sockets.
    const now = Date.now();
    worker.telemetry = readTelemetry(this.rng, capacity, used, tasks, now);
    worker.record.last_heartbeat_ms = now;
    this.store.touch('workers');
    this.onTelemetry(workerId);
  }
}
