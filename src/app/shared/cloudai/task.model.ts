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
  /**
   * Free text to the master, but it files a task's output files under it, and only this user (or
   * `admin`) may list them: the dashboard sends the signed-in user's email.
   */
  readonly user_id: string;
}

/** `POST /api/tasks` success (201). Its `status` says "queued", but the master stores `pending`. */
export interface TaskSubmitted {
  readonly task_id: string;
  readonly status: string;
  readonly message: string;
}

/** The statuses after which a task changes no more (except by the master's cancel bug, §3.4). */
export const FINISHED_TASK_STATUSES = ['completed', 'failed', 'cancelled'] as const;

/**
 * The master speaks three status vocabularies (contract §8.3): the task's (`completed`), the
 * stored result's (`success`) and the worker container's (`completed`, `not_found`, Docker states).
 * This maps all of them onto the task's; anything else is kept as it is.
 */
export function normalizeTaskStatus(status: string): string {
  return status === 'success' ? 'completed' : status;
}

export function isFinishedStatus(status: string): boolean {
  return (FINISHED_TASK_STATUSES as readonly string[]).includes(normalizeTaskStatus(status));
}

/** `GET /api/tasks/{id}` (finished tasks only: the master drops the connection for the others). */
export interface TaskDetail extends TaskListEntry {
  /** `null` when the task was never assigned. `assigned_at` is unix seconds. */
  readonly assignment: { readonly worker_id: string; readonly assigned_at: number } | null;
  /** Result vocabulary: `success` | `failed` | `cancelled`. `completed_at` is unix seconds. */
  readonly result: { readonly status: string; readonly completed_at: number; readonly logs: string } | null;
}

/** `GET /api/tasks/{id}/logs`: `logs` is one string with `\n` separators; `status` in the result vocabulary. */
export interface TaskLogs {
  readonly task_id: string;
  readonly logs: string;
  readonly status: string;
  readonly completed_at: number;
}

/** `DELETE /api/tasks/{id}`: always this, whatever actually happened (contract §3.4). */
export interface TaskCancelRequested {
  readonly task_id: string;
  readonly status: string;
  readonly message: string;
}

/** `GET /api/files/{task_id}`: sizes in bytes; `timestamp` is the master's local wall-clock time, no zone. */
export interface TaskFiles {
  readonly task_id: string;
  readonly task_name: string;
  readonly timestamp: string;
  readonly files: readonly { readonly path: string; readonly size: number }[];
  readonly total_size: number;
}
