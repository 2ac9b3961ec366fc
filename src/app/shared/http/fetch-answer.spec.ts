import { marbles } from '../../testing/marbles';
import { fetchAnswer } from './fetch-answer';
import { REQUEST_TIMEOUT_MS } from './request-timeouts';

describe('fetchAnswer', () => {
  it('gives up on an answer that does not come in time, saying so, and aborts the request', () => {
    marbles(({ expectObservable, flush }) => {
      const signals: AbortSignal[] = [];
      const answer$ = fetchAnswer('/api/tasks', {
        fetchFn: (_url, init) => {
          signals.push(init.signal!);
          return new Promise<Response>(() => undefined);
        },
      });

      expectObservable(answer$).toBe(
        `${REQUEST_TIMEOUT_MS}ms #`,
        undefined,
        new Error(`The master did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`),
      );
      flush();
      expect(signals[0].aborted).toBeTrue();
    });
  });

  it('allows a longer wait when asked', () => {
    marbles(({ expectObservable }) => {
      const answer$ = fetchAnswer('/api/tasks/t1', {
        method: 'DELETE',
        timeoutMs: 75_000,
        fetchFn: () => new Promise<Response>(() => undefined),
      });

      expectObservable(answer$).toBe('75000ms #', undefined, new Error('The master did not answer within 75 s.'));
    });
  });
});
