import type { ResultRecord, TaskRecord } from './model.ts';
import { unixSeconds } from './go-http.ts';
import { Random } from './random.ts';

/** One file a task's container left in `/output`, as the master stores it after the worker's upload. */
export interface OutputFile {
  /** Relative to the task's directory, `/`-separated. */
  path: string;
  bytes: Buffer;
}

/**
 * Built from the finished task and its result rather than stored: both are persisted and what is read here never
 * changes once the task has finished, so the files come out byte for byte the same after a restart without a
 * collection of their own.
 */
const generated = new WeakMap<TaskRecord, OutputFile[]>();

/**
 * A task whose container succeeded leaves `metrics/run.json` and `summary.csv`, a failed one only `metrics/run.json`;
 * pending, running and cancelled tasks have uploaded nothing. Decided by the result, which never changes, not by the
 * task's status, which a cancel or a log stream may overwrite after the upload. Sorted like the master's directory
 * walk (lexical, so `metrics/` first).
 */
export function outputFiles(task: TaskRecord, result: ResultRecord | undefined): OutputFile[] {
  if (result?.status !== 'success' && result?.status !== 'failed') return [];
  let files = generated.get(task);
  if (!files) {
    files = [{ path: 'metrics/run.json', bytes: runJson(task, result) }];
    if (result.status === 'success') files.push({ path: 'summary.csv', bytes: summaryCsv(task) });
    generated.set(task, files);
  }
  return files;
}

/** The file list's `timestamp`: the submit time as local wall-clock time, whole seconds, no zone (`2025-11-18 20:40:22`). */
export function fileTimestamp(ms: number): string {
  const date = new Date(unixSeconds(ms) * 1000);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

function exitCode(task: TaskRecord, result: ResultRecord): number {
  if (result.status === 'success') return 0;
  const scripted = /\bexit\s+(\d+)/.exec(task.command);
  return scripted && scripted[1] !== '0' ? Number(scripted[1]) : 1;
}

function runJson(task: TaskRecord, result: ResultRecord): Buffer {
  const completedMs = task.completed_ms ?? result.completed_ms;
  const metrics = {
    task_id: task.task_id,
    docker_image: task.docker_image,
    worker_id: result.worker_id,
    exit_code: exitCode(task, result),
    submitted_at: unixSeconds(task.created_ms),
    started_at: task.started_ms === undefined ? null : unixSeconds(task.started_ms),
    completed_at: completedMs === undefined ? null : unixSeconds(completedMs),
    duration_s: task.started_ms === undefined || completedMs === undefined ? null : Math.round(completedMs - task.started_ms) / 1000,
    requested: { cpu: task.cpu_required, memory_gb: task.memory_required, gpu: task.gpu_required, storage_gb: task.storage_required },
    log_lines: result.logs.split('\n').filter((line) => line !== '').length,
  };
  return Buffer.from(`${JSON.stringify(metrics, null, 2)}\n`);
}

/** A short training-style table whose length and values depend only on the task id. */
function summaryCsv(task: TaskRecord): Buffer {
  const rng = new Random(fnv1a(task.task_id));
  const steps = rng.int(3, 8);
  let loss = rng.between(1.2, 2.4);
  let accuracy = rng.between(0.2, 0.45);
  const rows = ['step,loss,accuracy,seconds'];
  for (let step = 1; step <= steps; step++) {
    loss *= rng.between(0.55, 0.9);
    accuracy += (1 - accuracy) * rng.between(0.15, 0.45);
    rows.push(`${step},${loss.toFixed(4)},${accuracy.toFixed(4)},${rng.between(2, 30).toFixed(1)}`);
  }
  return Buffer.from(`${rows.join('\n')}\n`);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
