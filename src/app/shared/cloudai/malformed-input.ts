import { Injectable } from '@angular/core';
import { BehaviorSubject, Observable } from 'rxjs';

/**
 * How many entries or whole answers from the master's REST endpoints were unreadable and left
 * out, so the toolbar can say so beside the telemetry socket's own count.
 */
@Injectable({ providedIn: 'root' })
export class MalformedInput {
  private readonly count = new BehaviorSubject(0);

  /** Total since the app started. Hot; replays; never completes. */
  readonly count$: Observable<number> = this.count.asObservable();

  report(rejected: number): void {
    if (rejected > 0) this.count.next(this.count.value + rejected);
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
      counter.report(1);
      throw new UnreadableAnswerError(`The master sent ${what} that could not be read.`);
    }
    counter.report(parsed.rejected);
    return parsed.entries;
  };
}
