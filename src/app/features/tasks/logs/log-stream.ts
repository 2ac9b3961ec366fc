import { isFinishedStatus } from '../../../shared/cloudai/task.model';
import { LogMessage } from './log-message';
import { appendLines } from './log-replay';
import { LogView } from './log-view';

export type LogStreamEvent =
  | { readonly kind: 'messages'; readonly messages: readonly LogMessage[] }
  /** The socket closed cleanly (`complete`) or not (`error`, e.g. code 1006 without a close frame). */
  | { readonly kind: 'closed'; readonly clean: boolean; readonly code: number | null };

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
