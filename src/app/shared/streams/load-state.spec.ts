import { marbles } from '../../testing/marbles';
import { Fetched } from './fetched';
import { LoadState, toLoadState } from './load-state';

describe('toLoadState', () => {
  const value = (n: number, at: number): Fetched<number> => ({ kind: 'value', value: n, receivedAt: at });
  const failure: Fetched<number> = { kind: 'error', message: 'down' };

  it('starts loading, becomes ready, and keeps the last data when a refresh fails', () => {
    marbles(({ cold, expectObservable }) => {
      const outcomes = cold('-a-e-b', { a: value(1, 1), e: failure, b: value(2, 5) });
      const states: Record<string, LoadState<number>> = {
        l: { status: 'loading' },
        r: { status: 'ready', data: 1, updatedAt: 1 },
        s: { status: 'ready', data: 1, updatedAt: 1, refreshError: 'down' },
        n: { status: 'ready', data: 2, updatedAt: 5 },
      };

      expectObservable(outcomes.pipe(toLoadState())).toBe('lr-s-n', states);
    });
  });

  it('is an error while no data has ever arrived', () => {
    marbles(({ cold, expectObservable }) => {
      const outcomes = cold('-e', { e: failure });

      expectObservable(outcomes.pipe(toLoadState())).toBe('le', {
        l: { status: 'loading' },
        e: { status: 'error', message: 'down' },
      });
    });
  });
});
