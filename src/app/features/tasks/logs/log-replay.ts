import { LogView } from './log-view';

/** The worker replays at most this many buffered lines to a new log stream. */
export const REPLAY_LIMIT = 1000;

/**
 * Adds lines; after a reconnect the first ones repeat the tail already shown (the worker
 * replays its last 1,000 lines), so the overlap is found once and skipped.
 */
export function appendLines(view: LogView, added: readonly string[]): LogView {
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
