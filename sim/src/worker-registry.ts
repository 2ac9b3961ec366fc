import type { Capacity, WorkerRecord } from './model.ts';
import type { Quirks } from './quirks.ts';
import type { Random } from './random.ts';
import type { Store } from './store.ts';
import type { TelemetrySnapshot } from './worker-telemetry.ts';
import { randomCapacity } from './worker-profiles.ts';

/** The real master marks a worker inactive after 30 s without a heartbeat. */
const INACTIVE_AFTER_MS = 30_000;

/** A registered worker: its stored record plus what only lives while the process runs. */
export interface SimWorker {
  record: WorkerRecord;
  telemetry?: TelemetrySnapshot;
  paused: boolean;
  silentUntilMs: number;
  timer?: NodeJS.Timeout;
  /** A heartbeat that arrived while the master's lock was held, processed when it is released. */
  heldBeat: boolean;
}

/** The workers the master knows, their stored records, and what the master can tell about each. */
export class WorkerRegistry {
  readonly workers = new Map<string, SimWorker>();

  constructor(
    private readonly store: Store,
    private readonly rng: Random,
    private readonly quirks: Quirks,
    private readonly timeScale: number,
  ) {}

  get inactiveAfterMs(): number {
    return INACTIVE_AFTER_MS * this.timeScale;
  }

  get(workerId: string): SimWorker | undefined {
    return this.workers.get(workerId);
  }

  /** What the machine reports to the master: real workers detect no GPUs. */
  capacityOf(worker: SimWorker): Capacity {
    const { capacity } = worker.record;
    return this.quirks.noGpus ? { ...capacity, gpu: 0 } : capacity;
  }

  isActive(worker: SimWorker, nowMs = Date.now()): boolean {
    return worker.telemetry !== undefined && nowMs - worker.telemetry.last_update_ms < this.inactiveAfterMs;
  }

  /** Stores a new worker's record; throws the master's error text on a duplicate. The caller brings it to life with add(). */
  register(workerId: string, workerIp: string, capacity?: Partial<Capacity>): WorkerRecord {
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
    return record;
  }

  /** The in-process side of a stored worker; it says nothing until its first heartbeat. */
  add(record: WorkerRecord): SimWorker {
    const worker: SimWorker = { record, paused: false, silentUntilMs: 0, heldBeat: false };
    this.workers.set(record.worker_id, worker);
    return worker;
  }

  /** Drops the worker from memory and from the store. */
  forget(workerId: string): void {
    this.workers.delete(workerId);
    this.store.workers = this.store.workers!.filter((record) => record.worker_id !== workerId);
    this.store.commit('workers');
  }

  setPaused(workerId: string, paused: boolean): boolean {
    const worker = this.workers.get(workerId);
    if (!worker) return false;
    worker.paused = paused;
    // Resuming also ends a random dropout: a resumed worker beats again at its next tick.
    if (!paused) worker.silentUntilMs = 0;
    return true;
  }

  /** Pauses or resumes every current worker (workers added later start unpaused); returns their ids. */
  setAllPaused(paused: boolean): string[] {
    const ids = [...this.workers.keys()];
    for (const workerId of ids) this.setPaused(workerId, paused);
    return ids;
  }
}
