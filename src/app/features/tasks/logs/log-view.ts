import { normalizeTaskStatus } from '../../../shared/cloudai/task.model';
import { toLogLines } from './log-message';
import { LogSource } from './log-source';

export type LogPhase =
  | 'waiting'
  | 'gated'
  | 'paused'
  | 'loading'
  | 'streaming'
  | 'complete'
  /** The stream ended with a container state that is not a result (`not_found`, `error`, `""`, Docker states). */
  | 'no-container'
  | 'ended'
  | 'interrupted'
  | 'reconnecting'
  | 'error';

export interface LogView {
  readonly source: LogSource;
  readonly phase: LogPhase;
  readonly lines: readonly string[];
  /** The final status the stream or the stored result reported, normalised. */
  readonly finalStatus: string | null;
  /** What the operator should know about this phase; `null` when the lines say it all. */
  readonly message: string | null;
  readonly malformedFrames: number;
  /** Stream: which connection this is (1 for the first). */
  readonly attempt: number;
  /** Stream: set when a connection has closed; `retry` when reconnecting could bring the rest. */
  readonly end: 'retry' | 'final' | null;
  /**
   * Stream: lines of the next messages that repeat what is already shown. A reconnected stream
   * replays the worker's last 1,000 lines; `null` until its first lines are lined up with ours.
   */
  readonly replayOverlap: number | null;
}

const BASE: Omit<LogView, 'source' | 'phase' | 'message'> = {
  lines: [],
  finalStatus: null,
  malformedFrames: 0,
  attempt: 1,
  end: null,
  replayOverlap: 0,
};

export const WAITING_FOR_START: LogView = {
  ...BASE,
  source: 'none',
  phase: 'waiting',
  message:
    'The logs start when the task runs. Nothing is opened until then: on the master, opening the log stream of a task that has not started corrupts its status.',
};

/** A running task's live stream, not opened yet: the page explains why and offers to open it. */
export const STREAM_GATED: LogView = { ...BASE, source: 'gated', phase: 'gated', message: null };

export const PAUSED_FOR_CANCEL: LogView = {
  ...BASE,
  source: 'paused',
  phase: 'paused',
  message:
    'The live log stream was closed before cancelling: on this master, a stream left open while a container is stopped records the task as failed instead of cancelled. The stored logs appear once the master has the result.',
};

export const CONNECTING_STREAM: LogView = {
  ...BASE,
  source: 'stream',
  phase: 'loading',
  message: 'Connecting to the live log stream…',
};

export const LOADING_STORED: LogView = { ...CONNECTING_STREAM, source: 'stored', message: 'Loading the stored logs…' };

/** The stored logs of a finished task (`GET /api/tasks/{id}/logs`). */
export function storedLogView(logs: string, status: string): LogView {
  const lines = toLogLines(logs);
  return {
    ...BASE,
    source: 'stored',
    phase: 'complete',
    lines,
    finalStatus: normalizeTaskStatus(status),
    message: lines.length === 0 ? 'The task finished without writing any output.' : null,
  };
}

export function storedLogError(message: string): LogView {
  return { ...LOADING_STORED, phase: 'error', message };
}
