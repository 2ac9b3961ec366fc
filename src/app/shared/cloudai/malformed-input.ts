import { Injectable } from '@angular/core';
import { BehaviorSubject, Observable, distinctUntilChanged, map } from 'rxjs';

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

/** A REST answer too broken to use at all: the request counts as failed, and the last good data stays. */
export class UnreadableAnswerError extends Error {}

/**
 * Reads a REST answer given as text with `parse`, which returns `null` for a body it cannot use.
 * Left-out entries and unusable answers are counted; an unusable answer then fails the request.
 */
export function readAnswer<T>(
  counter: MalformedInput,
  what: string,
  parse: (body: unknown) => { readonly entries: T[]; readonly rejected: number } | null,
): (raw: string) => T[] {
  return (raw) => {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const parsed = body === undefined ? null : parse(body);
    if (parsed === null) {
      counter.report(what, 1);
      throw new UnreadableAnswerError(`The master sent ${what} that could not be read.`);
    }
    counter.report(what, parsed.rejected);
    return parsed.entries;
  };
}
