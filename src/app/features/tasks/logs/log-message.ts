import { normalizeTaskStatus } from '../../../shared/cloudai/task.model';

/** One frame of `/ws/tasks/{id}/logs` (contract §7.3), as the dashboard understands it. */
export type LogMessage =
  | { readonly kind: 'connected' }
  | { readonly kind: 'lines'; readonly lines: readonly string[] }
  /** `status` normalised to the task vocabulary (`success` → `completed`; container states kept). */
  | { readonly kind: 'complete'; readonly status: string }
  /** `transient`: a failure between the master and the worker (gRPC), worth reconnecting after. */
  | { readonly kind: 'error'; readonly message: string; readonly transient: boolean }
  | { readonly kind: 'malformed' };

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
