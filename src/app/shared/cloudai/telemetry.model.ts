/**
 * Live worker telemetry as `/ws/telemetry` carries it (contract §7.1), after validation.
 * Usage figures are percentages clamped to 0–100; `last_update` is unix seconds.
 */
export interface RunningTask {
  readonly task_id: string;
  readonly cpu_allocated: number;
  readonly memory_allocated: number;
  readonly gpu_allocated: number;
  readonly status: string;
}

export interface WorkerTelemetry {
  readonly worker_id: string;
  readonly cpu_usage: number;
  readonly memory_usage: number;
  readonly gpu_usage: number;
  readonly running_tasks: readonly RunningTask[];
  readonly last_update: number;
  readonly is_active: boolean;
}

/** What one socket frame held: the valid entries, and how many parts of it had to be dropped. */
export interface ParsedTelemetryFrame {
  readonly entries: readonly WorkerTelemetry[];
  readonly rejected: number;
}
