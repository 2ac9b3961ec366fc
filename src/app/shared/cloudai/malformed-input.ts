import { Injectable } from '@angular/core';
import { BehaviorSubject, Observable, distinctUntilChanged, map } from 'rxjs';
import { UnreadableAnswerError, readAnswerText } from './read-answer';

/**
 * How many entries (or whole answers) the master's REST endpoints sent that were unreadable and
 * left out, so the toolbar can say so beside the telemetry socket's own count. Polled lists send
 * the same bad entry every time, so each endpoint counts its latest answer, not a running total.
 */
@Injectable({ providedIn: 'root' })
export class MalformedInput {
  private readonly latest = new BehaviorSubject<ReadonlyMap<string, number>>(new Map());

  /** Left out of the latest answer of each endpoint, summed. Hot; replays; never completes. */
  readonly count$: Observable<number> = this.latest.pipe(
    map((latest) => [...latest.values()].reduce((sum, rejected) => sum + rejected, 0)),
    distinctUntilChanged(),
  );

  report(source: string, rejected: number): void {
    if ((this.latest.value.get(source) ?? 0) === rejected) return;
    this.latest.next(new Map(this.latest.value).set(source, rejected));
  }
}

/**
 * Reads a REST answer given as text with `parse` (see {@link readAnswerText}), counting what was
 * left out: each endpoint's latest answer, and an unusable answer as one.
 */
export function readAnswer<T>(
  counter: MalformedInput,
  what: string,
  parse: (body: unknown) => { readonly entries: T[]; readonly rejected: number } | null,
): (raw: string) => T[] {
  return (raw) => {
    try {
      const parsed = readAnswerText(raw, what, parse);
      counter.report(what, parsed.rejected);
      return parsed.entries;
    } catch (error) {
      if (error instanceof UnreadableAnswerError) counter.report(what, 1);
      throw error;
    }
  };
}
