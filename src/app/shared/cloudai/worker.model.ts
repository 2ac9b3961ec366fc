/**
 * Worker shapes exactly as the CloudAI master sends them (contract §4, §7.1).
 * Usage figures are percentages 0–100; capacities are cores, GB, GB and a GPU count;
 * timestamps are unix seconds.
 */
export interface ResourceAmounts {
  readonly cpu: number;
  readonly memory: number;
  readonly storage: number;
  readonly gpu: number;
}

/** One entry of `GET /api/workers`. Workers known only from telemetry lack the registry fields. */
export interface WorkerListEntry {
  readonly worker_id: string;
  readonly is_active: boolean;
  readonly address?: string;
  readonly worker_ip?: string;
  readonly total_resources: ResourceAmounts;
  readonly allocated_resources: ResourceAmounts;
  readonly available_resources?: ResourceAmounts;
  readonly last_heartbeat?: number;
  readonly registered_at?: number;
  readonly cpu_usage: number;
  readonly memory_usage: number;
  readonly gpu_usage: number;
  readonly running_tasks_count: number;
  readonly last_update?: number;
}

/** `GET /api/workers`: `workers` is `null`, not `[]`, when the master knows none. */
export interface WorkerListResponse {
  readonly workers: readonly WorkerListEntry[] | null;
}

/** `POST /api/workers` success (201). */
export interface WorkerRegistration {
  readonly success: boolean;
  readonly message: string;
  readonly worker_id: string;
}

/** One assignment of `GET /api/workers/{id}/tasks`; `assigned_at` is unix seconds. */
export interface WorkerAssignment {
  readonly task_id: string;
  readonly assigned_at: number;
}

/** `GET /api/workers/{id}/tasks`: `tasks` is `null`, not `[]`, when there are none. */
export interface WorkerAssignmentsResponse {
  readonly worker_id: string;
  readonly tasks: readonly WorkerAssignment[] | null;
  readonly count: number;
}
