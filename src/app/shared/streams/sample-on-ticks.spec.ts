import { shareReplay } from 'rxjs';
import { marbles } from '../../testing/marbles';
import { sampleOnTicks } from './sample-on-ticks';

describe('sampleOnTicks', () => {
  it('passes the first value at once, then the latest at each tick that follows a new one', () => {
    marbles(({ hot, expectObservable }) => {
      const ticks$ = hot('t 99ms t 99ms t 99ms t 99ms t');
      const values$ = hot('-- 29ms a 9ms b 9ms c 149ms d 99ms e');

      // a at once (31 ms); c on the tick at 100; nothing new by 200; d at 300; e (301 ms) at 400.
      expectObservable(values$.pipe(sampleOnTicks(ticks$)), '^ 450ms !').toBe('-- 29ms a 68ms c 199ms d 99ms e');
    });
  });

  it('does not take a tick replayed on subscribing for a new one', () => {
    marbles(({ hot, expectObservable }) => {
      const ticks$ = hot('t 99ms t').pipe(shareReplay({ bufferSize: 1, refCount: false }));
      ticks$.subscribe();
      const values$ = hot('-- 49ms a 9ms b');

      expectObservable(values$.pipe(sampleOnTicks(ticks$)), '^ 200ms !').toBe('-- 49ms a 48ms b');
    });
  });
});
