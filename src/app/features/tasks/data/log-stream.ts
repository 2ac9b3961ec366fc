import { normalizeTaskStatus } from '../../../shared/cloudai/task.model';

/** One frame of `/ws/tasks/{id}/logs` (contract §7.3), as the dashboard understands it. */
export type LogMessage =
  | { readonly kind: 'connected' }
  | { readonly kind: 'lines'; readonly lines: readonly string[] }
  /** `status` normalised to the task vocabulary (`success` → `completed`; container states kept). */
  | { readonly kind: 'complete'; readonly status: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'malformed' };

/** Where a task's logs come from: nowhere yet (pending), the live socket (running) or the stored result (finished). */
export type LogSource = 'none' | 'stream' | 'stored';

export interface LogView {
  readonly source: LogSource;
  readonly phase: 'waiting' | 'loading' | 'streaming' | 'complete' | 'ended' | 'interrupted' | 'error';
  readonly lines: readonly string[];
  /** The final status the stream or the stored result reported, normalised. */
  readonly finalStatus: string | null;
  /** What the operator should know about this phase; `null` when the lines say it all. */
  readonly message: string | null;
  readonly malformedFrames: number;
}

export type LogStreamEvent =
  | { readonly kind: 'messages'; readonly messages: readonly LogMessage[] }
  /** The socket closed cleanly (`complete`) or not (`error`, e.g. code 1006 without a close frame). */
  | { readonly kind: 'closed'; readonly clean: boolean; readonly code: number | null };

export const WAITING_FOR_START: LogView = {
  source: 'none',
  phase: 'waiting',
  lines: [],
  finalStatus: null,
  message:
    'The logs start when the task runs. Nothing is opened until then: on the master, opening the log stream of a task that has not started corrupts its status.',
  malformedFrames: 0,
};

export const CONNECTING_STREAM: LogView = {
  source: 'stream',
  phase: 'loading',
  lines: [],
  finalStatus: null,
  message: 'Connecting to the live log stream…',
  malformedFrames: 0,
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
    case 'error':
      return {
        kind: 'error',
        message: typeof record['error'] === 'string' ? record['error'] : 'The log stream reported an error.',
      };
    case undefined:
      // Sent, untyped, when the master cannot find the task at all.
      return typeof record['error'] === 'string' ? { kind: 'error', message: record['error'] } : { kind: 'malformed' };
    default:
      return { kind: 'malformed' };
  }
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
    if (view.phase !== 'loading' && view.phase !== 'streaming') return view;
    return event.clean
      ? { ...view, phase: 'ended', message: 'The stream ended without reporting a final status.' }
      : {
          ...view,
          phase: 'interrupted',
          message: `The log stream was cut before the task finished${event.code ? ` (close code ${event.code})` : ''}.`,
        };
  }
  let next = view;
  const added: string[] = [];
  for (const message of event.messages) {
    if (next.phase === 'complete' || next.phase === 'error') break;
    switch (message.kind) {
      case 'connected':
        next = { ...next, phase: 'streaming', message: null };
        break;
      case 'lines':
        for (const line of message.lines) added.push(line);
        if (next.phase === 'loading') next = { ...next, phase: 'streaming', message: null };
        break;
      case 'complete':
        next = { ...next, phase: 'complete', finalStatus: message.status, message: null };
        break;
      case 'error':
        next = { ...next, phase: 'error', message: message.message };
        break;
      case 'malformed':
        next = { ...next, malformedFrames: next.malformedFrames + 1 };
        break;
    }
  }
  return added.length === 0 ? next : { ...next, lines: next.lines.concat(added) };
}

/** The stored logs of a finished task (`GET /api/tasks/{id}/logs`). */
export function storedLogView(logs: string, status: string): LogView {
  const lines = toLogLines(logs);
  return {
    source: 'stored',
    phase: 'complete',
    lines,
    finalStatus: normalizeTaskStatus(status),
    message: lines.length === 0 ? 'The task finished without writing any output.' : null,
    malformedFrames: 0,
  };
}

export function storedLogError(message: string): LogView {
  return { ...LOADING_STORED, phase: 'error', message };
}

/** Which source a status calls for. A stream already open for a task that then finishes stays: it reports the end itself. */
export function nextLogSource(previous: LogSource | null, status: string): LogSource {
  const wanted: LogSource = status === 'running' ? 'stream' : status === 'pending' ? 'none' : 'stored';
  return previous === 'stream' && wanted === 'stored' ? 'stream' : wanted;
}
