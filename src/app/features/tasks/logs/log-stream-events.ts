import { Observable, ObservableNotification, distinctUntilChanged, filter, map, scan, switchMap } from 'rxjs';
import { parseLogMessage } from './log-message';
import { LogInputs, LogSource, nextLogSource } from './log-source';
import { LogStreamEvent } from './log-stream';

/** A batch of socket notifications as reducer events: frames parsed, then how the socket closed. */
export function toStreamEvents(batch: readonly ObservableNotification<string>[]): LogStreamEvent[] {
  const events: LogStreamEvent[] = [];
  const messages = batch.flatMap((notification) =>
    notification.kind === 'N' ? [parseLogMessage(notification.value ?? '')] : [],
  );
  if (messages.length > 0) events.push({ kind: 'messages', messages });
  const end = batch.find((notification) => notification.kind !== 'N');
  if (end?.kind === 'C') events.push({ kind: 'closed', clean: true, code: null });
  if (end?.kind === 'E') {
    const code = end.error instanceof CloseEvent ? end.error.code : null;
    events.push({ kind: 'closed', clean: false, code });
  }
  return events;
}

/**
 * The source the inputs call for, with how often the stream was asked for: asking again (after
 * the worker had no container yet, say) opens a new stream even though the source is unchanged.
 */
export function combineSource(
  inputs$: Observable<Omit<LogInputs, 'opened'>>,
  requests$: Observable<number>,
): Observable<{ readonly source: LogSource; readonly requests: number }> {
  return inputs$.pipe(
    switchMap((inputs) =>
      requests$.pipe(map((requests) => ({ inputs: { ...inputs, opened: requests > 0 }, requests }))),
    ),
    scan(
      (previous: { source: LogSource | null; requests: number }, { inputs, requests }) => ({
        source: nextLogSource(previous.source, inputs),
        requests,
      }),
      { source: null, requests: 0 },
    ),
    filter((keyed): keyed is { source: LogSource; requests: number } => keyed.source !== null),
    distinctUntilChanged((a, b) => a.source === b.source && (a.source !== 'stream' || a.requests === b.requests)),
  );
}
