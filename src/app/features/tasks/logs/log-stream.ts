import { isFinishedStatus, normalizeTaskStatus } from '../../../shared/cloudai/task.model';

/** One frame of `/ws/tasks/{id}/logs` (contract §7.3), as the dashboard understands it. */
export type LogMessage =
  | { readonly kind: 'connected' }
  | { readonly kind: 'lines'; readonly lines: readonly string[] }
  /** `status` normalised to the task vocabulary (`success` → `completed`; container states kept). */
  | { readonly kind: 'complete'; readonly status: string }
  /** `transient`: a failure between the master and the worker (gRPC), worth reconnecting after. */
  | { readonly kind: 'error'; readonly message: string; readonly transient: boolean }
  | { readonly kind: 'malformed' };

/**
 * Where a task's logs come from: nowhere yet (pending), the live socket only once the operator
 * opens it (`gated` until then), nowhere while a cancel is on its way (`paused`), or the stored
 * result (finished).
 */
export type LogSource = 'none' | 'gated' | 'paused' | 'stream' | 'stored';

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

export type LogStreamEvent =
  | { readonly kind: 'messages'; readonly messages: readonly LogMessage[] }
  /** The socket closed cleanly (`complete`) or not (`error`, e.g. code 1006 without a close frame). */
  | { readonly kind: 'closed'; readonly clean: boolean; readonly code: number | null };

/** The worker replays at most this many buffered lines to a new log stream. */
export const REPLAY_LIMIT = 1000;

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

/** Reads one frame. Every shape the master sends is understood, anything else is counted and skipped. */
export function parseLogMessage(raw: string): LogMessage {
  let frame: unknown;
  try {
    frame = JSON.parse(raw);
  } catch {
    return { kind: 'malformed' };
  }
  if (frame === null || typeof frame !== 'object' || Array.isArray(frame)) {
    return { kind: 'malformed' };
  }
  const record = frame as Record<string, unknown>;
  switch (record['type']) {
    case 'connected':
      return { kind: 'connected' };
    case 'log':
      return typeof record['line'] === 'string'
        ? { kind: 'lines', lines: toLogLines(record['line']) }
        : { kind: 'malformed' };
    case 'complete':
      return {
        kind: 'complete',
        status: normalizeTaskStatus(typeof record['status'] === 'string' ? record['status'] : ''),
      };
    case 'error': {
      const message = typeof record['error'] === 'string' ? record['error'] : 'The log stream reported an error.';
      return { kind: 'error', message, transient: isTransientStreamError(message) };
    }
    case undefined:
      // Sent, untyped, when the master cannot find the task at all.
      return typeof record['error'] === 'string'
        ? { kind: 'error', message: record['error'], transient: false }
        : { kind: 'malformed' };
    default:
      return { kind: 'malformed' };
  }
}

/**
 * Errors between the master and the worker (the gRPC stream failed, or the master does not know
 * the worker yet, as after its restart) pass; "no assignment" means the task is not running.
 */
function isTransientStreamError(message: string): boolean {
  return /rpc error|error receiving log chunk|failed to start log stream|worker .* not found/i.test(message);
}

/**
 * Log text as display lines. Output comes from a TTY: `\r` returns to the line start, so only
 * what follows the last one is what a terminal would show; a trailing `\r` is dropped.
 */
export function toLogLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => {
    const trimmed = line.endsWith('\r') ? line.replace(/\r+$/, '') : line;
    const lastReturn = trimmed.lastIndexOf('\r');
    return lastReturn === -1 ? trimmed : trimmed.slice(lastReturn + 1);
  });
}

/** Folds socket frames, taken in batches so 100,000 lines do not mean 100,000 copies of the list. */
export function reduceLogStream(view: LogView, event: LogStreamEvent): LogView {
  if (event.kind === 'closed') {
    return closeStream(view, event);
  }
  let next = view;
  const added: string[] = [];
  for (const message of event.messages) {
    if (next.phase !== 'loading' && next.phase !== 'streaming') break;
    switch (message.kind) {
      case 'connected':
        next = { ...next, phase: 'streaming', message: null };
        break;
      case 'lines':
        for (const line of message.lines) added.push(line);
        if (next.phase === 'loading') next = { ...next, phase: 'streaming', message: null };
        break;
      case 'complete':
        next = isFinishedStatus(message.status)
          ? { ...next, phase: 'complete', finalStatus: message.status, message: null }
          : {
              ...next,
              phase: 'no-container',
              finalStatus: message.status,
              message: noContainerMessage(message.status),
            };
        break;
      case 'error':
        next = {
          ...next,
          phase: 'error',
          message: message.transient ? `${message.message} (the connection to the worker failed)` : message.message,
          end: message.transient ? 'retry' : 'final',
        };
        break;
      case 'malformed':
        next = { ...next, malformedFrames: next.malformedFrames + 1 };
        break;
    }
  }
  return added.length === 0 ? next : appendLines(next, added);
}

/** A connection closed: the end is final unless it was cut (or failed on the worker's side) before the task ended. */
function closeStream(view: LogView, event: Extract<LogStreamEvent, { kind: 'closed' }>): LogView {
  if (view.phase === 'error') {
    return { ...view, end: view.end ?? 'final' };
  }
  if (view.phase !== 'loading' && view.phase !== 'streaming') {
    return { ...view, end: 'final' };
  }
  return event.clean
    ? { ...view, phase: 'ended', message: 'The stream ended without reporting a final status.', end: 'final' }
    : {
        ...view,
        phase: 'interrupted',
        message: `The log stream was cut before the task finished${event.code ? ` (close code ${event.code})` : ''}.`,
        end: 'retry',
      };
}

/** The next connection of a stream that was cut: the lines stay, and the replay is lined up with them. */
export function reconnectingView(view: LogView, retryInS: number): LogView {
  return {
    ...view,
    phase: 'reconnecting',
    end: null,
    message: `${view.message ?? 'The log stream was cut.'} Reconnecting in ${retryInS} s…`,
  };
}

export function nextAttempt(view: LogView): LogView {
  return { ...view, phase: 'loading', end: null, attempt: view.attempt + 1, replayOverlap: null };
}

/**
 * Adds lines; after a reconnect the first ones repeat the tail already shown (the worker
 * replays its last 1,000 lines), so the overlap is found once and skipped.
 */
function appendLines(view: LogView, added: readonly string[]): LogView {
  const overlap = view.replayOverlap ?? replayOverlap(view.lines, added);
  const skipped = Math.min(overlap, added.length);
  return {
    ...view,
    lines: skipped === added.length ? view.lines : view.lines.concat(skipped === 0 ? added : added.slice(skipped)),
    replayOverlap: overlap - skipped,
  };
}

/** How many of the replayed lines repeat the tail of what is shown: the longest tail the replay starts with. */
export function replayOverlap(shown: readonly string[], replay: readonly string[]): number {
  for (let start = Math.max(0, shown.length - REPLAY_LIMIT); start < shown.length; start++) {
    const length = Math.min(shown.length - start, replay.length);
    let matches = true;
    for (let offset = 0; offset < length && matches; offset++) {
      matches = shown[start + offset] === replay[offset];
    }
    if (matches) return shown.length - start;
  }
  return 0;
}

/** Why a live stream ended with a container state instead of a result, in plain words. */
function noContainerMessage(status: string): string {
  const recorded = `The master ended the stream and recorded the task as ${status === '' ? 'an empty status' : `“${status}”`} until it finishes, when its real status returns.`;
  switch (status) {
    case 'not_found':
      return `The worker has no container for this task yet (its image is probably still downloading), or no longer. ${recorded}`;
    case 'error':
      return `The worker could not read the container's state. ${recorded}`;
    case '':
      return `The worker reports no container state: the container was already removed. ${recorded}`;
    default:
      return `The container is ${status}. ${recorded}`;
  }
}

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
