import type { Capacity, TaskRecord } from './model.ts';
import type { Random } from './random.ts';

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

function clampPercent(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)) * 100) / 100;
}

/**
 * What one heartbeat reports: usage that follows the allocation (a busy machine looks busy) with some
 * noise, and the tasks it runs. The random draws happen in a fixed order (CPU, memory, GPU) so a seed
 * replays the same figures.
 */
export function readTelemetry(
  rng: Random,
  capacity: Capacity,
  used: Capacity,
  tasks: readonly TaskRecord[],
  nowMs: number,
): TelemetrySnapshot {
  const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);
  const noise = (spread: number) => rng.between(-spread, spread);
  const running = tasks.map((task): RunningTaskSnapshot => ({
    task_id: task.task_id,
    cpu_allocated: task.cpu_required,
    memory_allocated: task.memory_required,
    gpu_allocated: task.gpu_required,
    status: 'running',
  }));
  return {
    cpu_usage: clampPercent(4 + 88 * share(used.cpu, capacity.cpu) + noise(5)),
    memory_usage: clampPercent(14 + 78 * share(used.memory, capacity.memory) + noise(3)),
    gpu_usage:
      capacity.gpu > 0
        ? clampPercent(used.gpu > 0 ? 55 + 40 * share(used.gpu, capacity.gpu) + noise(6) : rng.between(0, 2))
        : 0,
    running_tasks: running,
    last_update_ms: nowMs,
  };
}
