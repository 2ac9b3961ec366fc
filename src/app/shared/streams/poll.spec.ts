import { HttpErrorResponse } from '@angular/common/http';
import { Observable } from 'rxjs';
import { marbles } from '../../testing/marbles';
import { Fetched } from './fetched';
import { poll } from './poll';

describe('poll', () => {
  const ok = (value: number, receivedAt: number): Fetched<number> => ({ kind: 'value', value, receivedAt });

  it('requests at once and then every period', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const response = cold('10ms (a|)', { a: 7 });
      const polled = poll(() => response, 100);

      expectObservable(polled, '250ms !').toBe('10ms a 99ms b 99ms c', {
        a: ok(7, 10),
        b: ok(7, 110),
        c: ok(7, 210),
      });
      expectSubscriptions(response.subscriptions).toBe(['^ 9ms !', '100ms ^ 9ms !', '200ms ^ 9ms !']);
    });
  });

  it('turns a failed tick into an error value and keeps polling', () => {
    marbles(({ cold, expectObservable }) => {
      const failure = new HttpErrorResponse({ status: 500, error: 'boom' });
      const responses: Observable<number>[] = [cold('5ms #', undefined, failure), cold('5ms (a|)', { a: 1 })];
      let call = 0;
      const polled = poll(() => responses[Math.min(call++, 1)], 100);

      expectObservable(polled, '150ms !').toBe('5ms e 99ms a', {
        e: { kind: 'error', message: 'boom (HTTP 500)' },
        a: ok(1, 105),
      });
    });
  });

  it('skips ticks while a slow request is still running instead of cancelling it', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const slow = cold('150ms (a|)', { a: 3 });
      const polled = poll(() => slow, 100);

      expectObservable(polled, '400ms !').toBe('150ms a 199ms b', { a: ok(3, 150), b: ok(3, 350) });
      expectSubscriptions(slow.subscriptions).toBe(['^ 149ms !', '200ms ^ 149ms !']);
    });
  });

  it('cancels the request in flight when the last subscriber leaves', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const response = cold('50ms (a|)', { a: 1 });

      expectObservable(
        poll(() => response, 100),
        '20ms !',
      ).toBe('');
      expectSubscriptions(response.subscriptions).toBe('^ 19ms !');
    });
  });
});
