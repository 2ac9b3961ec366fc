import { WorkerStatus } from '../../../core/realtime/live-worker';
import { ChipTone } from '../../../shared/ui/status-chip';

export const WORKER_STATUS_LABEL: Record<WorkerStatus, string> = {
  active: 'Active',
  stale: 'Late',
  inactive: 'Inactive',
};

export const WORKER_STATUS_TONE: Record<WorkerStatus, ChipTone> = { active: 'ok', stale: 'warn', inactive: 'neutral' };

export const WORKER_STATUS_EXPLANATION: Record<WorkerStatus, string> = {
  active: 'Heartbeats arrive on time.',
  stale: 'Two or more heartbeats are late; the worker may be overloaded or its network slow.',
  inactive: 'No heartbeat for 30 s or more (the master treats it as gone), or it never connected.',
};
