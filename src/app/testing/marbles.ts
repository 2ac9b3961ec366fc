import { RunHelpers, TestScheduler } from 'rxjs/testing';

/**
 * Runs `body` in a fresh TestScheduler in run mode: virtual time for every RxJS scheduler
 * (timer, delay, asyncScheduler.now()), deep-equality assertions through Jasmine.
 */
export function marbles(body: (helpers: RunHelpers) => void): void {
  const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  scheduler.run(body);
}
