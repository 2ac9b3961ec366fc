import { marbles } from '../../testing/marbles';
import { failWhenSilent } from './fail-when-silent';

describe('failWhenSilent', () => {
  const reason = 'nothing arrived for 100 ms';
  const expectsMore = (value: string) => value !== 'q';

  it('errors once nothing follows a value that expects more', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a 50ms b 150ms c');

      expectObservable(source.pipe(failWhenSilent(100, expectsMore, reason))).toBe(
        'a 50ms b 99ms #',
        undefined,
        new Error(reason),
      );
      expectSubscriptions(source.subscriptions).toBe('^ 150ms !');
    });
  });

  it('keeps quiet while values keep coming, and after a value that expects nothing', () => {
    marbles(({ cold, expectObservable }) => {
      const source = cold('a 80ms b 80ms q 500ms |');

      expectObservable(source.pipe(failWhenSilent(100, expectsMore, reason))).toBe('a 80ms b 80ms q 500ms |');
    });
  });

  it('stops watching when unsubscribed', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a');

      expectObservable(source.pipe(failWhenSilent(100, expectsMore, reason)), '^ 50ms !').toBe('a');
      expectSubscriptions(source.subscriptions).toBe('^ 50ms !');
    });
  });
});
