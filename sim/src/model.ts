/** Persisted records. Field names follow the wire where they appear on it; times are unix milliseconds unless named otherwise. */

/** What a worker reports at the end of a live log stream; `not_found` while the container does not exist yet. */
export type ContainerStatus = 'completed' | 'failed' | 'not_found';
/** The five normal values, plus whatever a live log stream wrote there (contract §8.2). */
export type TaskStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled' | ContainerStatus;
export type ResultStatus = 'success' | 'failed' | 'cancelled';

/** A validated `POST /api/tasks` body, with the master's defaults applied. */
export interface TaskSubmission {
  docker_image: string;
  command: string;
  user_id: string;
  cpu_required: number;
  memory_required: number;
  gpu_required: number;
  storage_required: number;
  tag: string;
  k_value: number;
}

export interface TaskRecord extends TaskSubmission {
  task_id: string;
  status: TaskStatus;
  created_ms: number;
  started_ms?: number;
  completed_ms?: number;
}

export interface ResultRecord {
  task_id: string;
  worker_id: string;
  status: ResultStatus;
  logs: string;
  completed_ms: number;
}

export interface AssignmentRecord {
  task_id: string;
  worker_id: string;
  assigned_ms: number;
}

export interface Capacity {
  cpu: number;
  memory: number;
  storage: number;
  gpu: number;
}

export interface WorkerRecord {
  worker_id: string;
  worker_ip: string;
  /** What the simulated machine will report once it connects. */
  capacity: Capacity;
  registered_ms: number;
  last_heartbeat_ms: number;
}

export interface UserRecord {
  email: string;
  name: string;
  password_hash: string;
  visit_count: number;
  created_at: string;
  updated_at: string;
}
