import { marbles } from '../../testing/marbles';
import { risingEdge } from './rising-edge';

describe('risingEdge', () => {
  it('emits each time the flag turns from false to true, not for where it starts', () => {
    marbles(({ hot, expectObservable }) => {
      const flag = hot('t 9ms f 9ms f 9ms t 9ms t 9ms f 9ms t', { t: true, f: false });

      expectObservable(risingEdge(flag), '100ms !').toBe('30ms e 29ms e', { e: true });
    });
  });

  it('emits when a flag that starts false turns true', () => {
    marbles(({ cold, expectObservable }) => {
      expectObservable(risingEdge(cold('f 9ms t|', { t: true, f: false }))).toBe('10ms e|', { e: true });
    });
  });
});
