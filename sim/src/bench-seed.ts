import type { Random } from './random.ts';
import type { Store } from './store.ts';
import type { ResultStatus, TaskRecord, TaskStatus, WorkerRecord } from './model.ts';
import { addRequirements, emptyCapacity, mostFreeCpuFit, type Occupancy } from './resource-fit.ts';
import { benchLogLine, buildLogScript, CANCEL_LINE, stampLine, type ScriptLine } from './log-script.ts';
import { randomSubmission } from './task-generator.ts';

export interface SeedSettings {
  seedTasks: number;
  seedRunning: number;
  logLines: number;
  timeScale: number;
  /** False when workers report no GPUs: tasks that ran (running or finished) then need none. */
  gpus: boolean;
}

/** A seeded task that is running: the cluster starts its container in start(), `elapsedMs` into its run. */
export interface SeededRun {
  task: TaskRecord;
  workerId: string;
  durationMs: number;
  succeeds: boolean;
  script: ScriptLine[];
  elapsedMs: number;
  benchLines?: number;
}

export const BENCH_LOGS_TASK = 'task-bench-logs';
export const BENCH_LIVE_LOGS_TASK = 'task-bench-logs-live';

/** Finished tasks are spread over this much past wall-clock time. */
const HISTORY_MS = 6 * 3600_000;
const NEVER_FITS_STORAGE = 1024;

function pickStatus(rng: Random): 'pending' | 'cancelled' | 'failed' | 'completed' {
  const roll = rng.next();
  if (roll < 0.03) return 'pending';
  if (roll < 0.1) return 'cancelled';
  if (roll < 0.22) return 'failed';
  return 'completed';
}

/** Places one running task: where the scheduler would (resource-fit.ts), else on a machine grown to fit it (bench mode may over-subscribe a small cluster). */
class Placer {
  /** `capacity` is the worker record's own object, so growing a machine is seen by later placements and stored. */
  private readonly slots: Array<Occupancy & { worker: WorkerRecord }>;
  private next = 0;

  constructor(workers: WorkerRecord[]) {
    this.slots = workers.map((worker) => ({ worker, capacity: worker.capacity, used: emptyCapacity() }));
  }

  place(task: TaskRecord): WorkerRecord {
    let slot = mostFreeCpuFit(task, this.slots);
    if (!slot) {
      // Grow a machine (round robin, GPU machines first for GPU tasks) so /api/workers never shows more allocated than total.
      const candidates = task.gpu_required > 0 && this.slots.some((s) => s.capacity.gpu > 0) ? this.slots.filter((s) => s.capacity.gpu > 0) : this.slots;
      slot = candidates[this.next++ % candidates.length];
      const { capacity, used } = slot;
      capacity.cpu = Math.max(capacity.cpu, used.cpu + task.cpu_required);
      capacity.memory = Math.max(capacity.memory, used.memory + task.memory_required);
      capacity.storage = Math.max(capacity.storage, used.storage + task.storage_required);
      capacity.gpu = Math.max(capacity.gpu, used.gpu + task.gpu_required);
    }
    addRequirements(slot.used, task);
    return slot.worker;
  }
}

/** Log lines stamped as if printed between `startMs` and `endMs`; `keep` < 1 cuts the log short (cancelled). */
function storedLog(script: ScriptLine[], startMs: number, endMs: number, keep = 1, finalLine?: string): string {
  const count = Math.floor(script.length * keep);
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    lines.push(stampLine(script[index], new Date(startMs + ((endMs - startMs) * (index + 1)) / (script.length + 1))));
  }
  if (finalLine) lines.push(finalLine);
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * Benchmark data for a fresh data directory, written straight into the store (no HTTP): `seedTasks` varied tasks
 * over the past hours, `seedRunning` of them running, and with `logLines` the two log benchmark tasks.
 * Returns the runs the cluster must start.
 */
export function seedBenchData(store: Store, rng: Random, settings: SeedSettings, nowMs: number): SeededRun[] {
  const workers = store.workers ?? [];
  const runs: SeededRun[] = [];
  const placer = new Placer(workers);
  const drafts: Array<{ task: TaskRecord; run?: Omit<SeededRun, 'task'>; worker?: string; log?: { status: ResultStatus; text: string } }> = [];
  const runningCount = workers.length > 0 ? settings.seedRunning : 0;
  // The live log task takes its (small) share of a machine before the seeded running tasks are placed.
  const liveWorker = settings.logLines > 0 && workers.length > 0 ? placer.place(benchTask(BENCH_LIVE_LOGS_TASK, 'running', nowMs)) : undefined;

  for (let index = 0; index < settings.seedTasks; index++) {
    const status: 'running' | ReturnType<typeof pickStatus> = index < runningCount ? 'running' : workers.length > 0 ? pickStatus(rng) : 'pending';
    const submission = randomSubmission(rng, settings.gpus || status === 'pending');
    const durationMs = rng.between(20, 90) * 1000 * settings.timeScale;
    const task: TaskRecord = { task_id: '', ...submission, status, created_ms: 0 };
    if (status === 'running') {
      const elapsedMs = durationMs * rng.between(0, 0.9);
      task.started_ms = Math.round(nowMs - elapsedMs);
      task.created_ms = Math.round(task.started_ms - rng.between(0.5, 30) * 1000);
      const succeeds = !rng.chance(0.12);
      const worker = placer.place(task);
      drafts.push({ task, worker: worker.worker_id, run: { workerId: worker.worker_id, durationMs, succeeds, script: buildLogScript(rng, task, succeeds), elapsedMs } });
      continue;
    }
    if (status === 'pending') {
      task.created_ms = Math.round(nowMs - rng.between(1, 180) * 1000);
      // Some ask for the master's default 1024 GB of storage, which no machine has: they stay queued, as on a real cluster.
      if (rng.chance(0.3)) task.storage_required = NEVER_FITS_STORAGE;
      drafts.push({ task });
      continue;
    }
    task.created_ms = Math.round(nowMs - rng.between(120_000, HISTORY_MS));
    task.started_ms = Math.round(task.created_ms + rng.between(0.2, 20) * 1000);
    task.completed_ms = Math.round(task.started_ms + durationMs / settings.timeScale);
    const succeeds = status === 'completed';
    const script = buildLogScript(rng, task, succeeds);
    const text =
      status === 'cancelled' ? storedLog(script, task.started_ms, task.completed_ms, rng.between(0.2, 0.8), CANCEL_LINE) : storedLog(script, task.started_ms, task.completed_ms);
    const resultStatus: ResultStatus = status === 'completed' ? 'success' : status;
    drafts.push({ task, worker: rng.pick(workers).worker_id, log: { status: resultStatus, text } });
  }

  // Oldest first, ids from the creation time in nanoseconds like the master's, strictly increasing.
  drafts.sort((a, b) => a.task.created_ms - b.task.created_ms);
  let lastNanos = 0n;
  for (const draft of drafts) {
    const nanos = BigInt(draft.task.created_ms) * 1_000_000n + BigInt(rng.int(0, 999_999));
    lastNanos = nanos > lastNanos ? nanos : lastNanos + 1n;
    const { task } = draft;
    task.task_id = `task-${lastNanos}`;
    store.addTask(task);
    if (draft.worker) store.assignments.set(task.task_id, { task_id: task.task_id, worker_id: draft.worker, assigned_ms: task.started_ms ?? task.created_ms });
    if (draft.log) {
      store.results.set(task.task_id, { task_id: task.task_id, worker_id: draft.worker!, status: draft.log.status, logs: draft.log.text, completed_ms: task.completed_ms! });
    }
    if (draft.run) runs.push({ task, ...draft.run });
  }

  if (liveWorker) runs.push(...seedLogTasks(store, settings.logLines, liveWorker, nowMs));
  return runs;
}

function benchTask(taskId: string, status: TaskStatus, createdMs: number): TaskRecord {
  return {
    task_id: taskId,
    docker_image: 'pytorch/pytorch:2.2.0-cuda12.1-cudnn8-runtime',
    command: 'python train.py --verbose',
    user_id: 'batch-runner',
    tag: 'mixed',
    k_value: 2,
    cpu_required: 0.5,
    memory_required: 0.5,
    gpu_required: 0,
    storage_required: 1,
    status,
    created_ms: createdMs,
  };
}

/** task-bench-logs (finished, `lines` stored lines) and task-bench-logs-live (running, streams `lines` lines to each log socket). */
function seedLogTasks(store: Store, lines: number, worker: WorkerRecord, nowMs: number): SeededRun[] {
  const startedMs = nowMs - 600_000;
  const finished: TaskRecord = { ...benchTask(BENCH_LOGS_TASK, 'completed', startedMs - 5000), started_ms: startedMs, completed_ms: nowMs - 60_000 };
  const text: string[] = [];
  for (let index = 0; index < lines; index++) text.push(`${benchLogLine(index, lines, new Date(startedMs + ((nowMs - 60_000 - startedMs) * index) / lines))}\n`);
  store.addTask(finished);
  store.assignments.set(finished.task_id, { task_id: finished.task_id, worker_id: worker.worker_id, assigned_ms: startedMs });
  store.results.set(finished.task_id, { task_id: finished.task_id, worker_id: worker.worker_id, status: 'success', logs: text.join(''), completed_ms: finished.completed_ms! });

  const live: TaskRecord = { ...benchTask(BENCH_LIVE_LOGS_TASK, 'running', nowMs - 2000), started_ms: nowMs - 1000 };
  store.addTask(live);
  store.assignments.set(live.task_id, { task_id: live.task_id, worker_id: worker.worker_id, assigned_ms: nowMs - 1000 });
  return [{ task: live, workerId: worker.worker_id, durationMs: Infinity, succeeds: true, script: [], elapsedMs: 0, benchLines: lines }];
}
