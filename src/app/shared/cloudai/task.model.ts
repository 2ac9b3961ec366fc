/**
 * Task shapes exactly as the CloudAI master sends them (contract §3, §8).
 * `created_at` is unix seconds; resources are cores, GB, GB and a GPU count.
 */

/** The statuses the master stores. Anything else it may store is kept as a plain string. */
export const KNOWN_TASK_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
export type KnownTaskStatus = (typeof KNOWN_TASK_STATUSES)[number];

export interface TaskListEntry {
  readonly task_id: string;
  readonly docker_image: string;
  readonly command: string;
  /** Usually a {@link KnownTaskStatus}; the real master can also store `not_found`, `error`, `""` or Docker states. */
  readonly status: string;
  readonly user_id: string;
  readonly cpu_required: number;
  readonly memory_required: number;
  readonly gpu_required: number;
  readonly storage_required: number;
  readonly tag: string;
  readonly k_value: number;
  readonly created_at: number;
}

/** `GET /api/tasks`: `tasks` is always an array. */
export interface TaskListResponse {
  readonly tasks: readonly TaskListEntry[];
}

/** The scheduler's task types; any other tag is stored but ignored by the scheduler. */
export const TASK_TAGS = ['cpu-light', 'cpu-heavy', 'memory-heavy', 'gpu-inference', 'gpu-training', 'mixed'] as const;
export type TaskTag = (typeof TASK_TAGS)[number];

/** `POST /api/tasks` body. Resources in cores and GB; `k_value` in [1.5, 2.5]. */
export interface TaskSubmission {
  readonly docker_image: string;
  readonly command: string;
  readonly cpu_required: number;
  readonly memory_required: number;
  /** Always sent: the master's default is 1024 GB, which no worker has. */
  readonly storage_required: number;
  readonly gpu_required: number;
  readonly tag: TaskTag;
  readonly k_value: number;
}

/** `POST /api/tasks` success (201). Its `status` says "queued", but the master stores `pending`. */
export interface TaskSubmitted {
  readonly task_id: string;
  readonly status: string;
  readonly message: string;
}
