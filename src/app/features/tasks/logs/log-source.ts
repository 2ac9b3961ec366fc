import { isFinishedStatus } from '../../../shared/cloudai/task.model';

/**
 * Where a task's logs come from: nowhere yet (pending), the live socket only once the operator
 * opens it (`gated` until then), nowhere while a cancel is on its way (`paused`), or the stored
 * result (finished).
 */
export type LogSource = 'none' | 'gated' | 'paused' | 'stream' | 'stored';

/** What decides where logs come from. */
export interface LogInputs {
  /** The status the master lists (not an optimistic one). */
  readonly status: string;
  /** A cancel of this task is on its way. */
  readonly cancelling: boolean;
  /** The operator opened the live stream of this task. */
  readonly opened: boolean;
}

/**
 * Which source the task's state calls for. A stream already open stays open when the task
 * finishes: it reports the end itself, and turns to the stored logs if it cannot.
 */
export function nextLogSource(previous: LogSource | null, { status, cancelling, opened }: LogInputs): LogSource {
  if (status === 'pending') return 'none';
  if (isFinishedStatus(status)) return previous === 'stream' ? 'stream' : 'stored';
  if (cancelling) return 'paused';
  return opened ? 'stream' : 'gated';
}
