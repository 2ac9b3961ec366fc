import { DestroyRef } from '@angular/core';
import { EMPTY, Observable, map, switchMap } from 'rxjs';
import { marbles } from '../../testing/marbles';
import { ReducerStore } from './reducer-store';

type CounterEvent = { readonly kind: 'add'; readonly by: number } | { readonly kind: 'reset' };

function reduceCounter(state: number, event: CounterEvent): number {
  return event.kind === 'add' ? state + event.by : 0;
}

/** A DestroyRef whose destruction a test triggers. */
function destroyable(): { destroyRef: DestroyRef; destroy: () => void } {
  const callbacks: (() => void)[] = [];
  const destroyRef = { onDestroy: (callback: () => void) => callbacks.push(callback) } as unknown as DestroyRef;
  return { destroyRef, destroy: () => callbacks.forEach((callback) => callback()) };
}

describe('ReducerStore', () => {
  it('starts with the initial state and applies each dispatched event', () => {
    marbles(({ cold, expectObservable }) => {
      const store = new ReducerStore({ initial: 0, reduce: reduceCounter }, destroyable().destroyRef);
      cold('-a-b-r').subscribe((key) =>
        store.dispatch(key === 'r' ? { kind: 'reset' } : { kind: 'add', by: key === 'a' ? 2 : 3 }),
      );

      expectObservable(store.state$).toBe('02-5-0', { 0: 0, 2: 2, 5: 5 });
    });
  });

  it('keeps events dispatched before anyone subscribes', () => {
    const store = new ReducerStore({ initial: 0, reduce: reduceCounter }, destroyable().destroyRef);
    store.dispatch({ kind: 'add', by: 4 });
    let seen: number | undefined;

    store.state$.subscribe((state) => (seen = state)).unsubscribe();

    expect(seen).toBe(4);
  });

  it('emits nothing when an event changes nothing', () => {
    marbles(({ cold, expectObservable }) => {
      const store = new ReducerStore({ initial: 0, reduce: reduceCounter }, destroyable().destroyRef);
      cold('-r-r').subscribe(() => store.dispatch({ kind: 'reset' }));

      expectObservable(store.state$).toBe('0', { 0: 0 });
    });
  });

  it('runs sources that depend on its own state', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const tick = cold<number>('-1', { 1: 1 });
      // Counts ticks only while below 3: each new state starts a fresh tick.
      const sources = (state$: Observable<number>): Observable<CounterEvent> =>
        state$.pipe(
          switchMap((state) => (state < 3 ? tick : EMPTY)),
          map((by): CounterEvent => ({ kind: 'add', by })),
        );
      const store = new ReducerStore({ initial: 0, reduce: reduceCounter, sources }, destroyable().destroyRef);

      expectObservable(store.state$).toBe('0123', { 0: 0, 1: 1, 2: 2, 3: 3 });
      expectSubscriptions(tick.subscriptions).toBe(['^!', '-^!', '--^!']);
    });
  });

  it('stops its sources when the injector that made it is destroyed', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const ticks = cold<number>('-1-1-1-1-1-1', { 1: 1 });
      const { destroyRef, destroy } = destroyable();
      const sources = () => ticks.pipe(map((by): CounterEvent => ({ kind: 'add', by })));
      const store = new ReducerStore({ initial: 0, reduce: reduceCounter, sources }, destroyRef);
      cold('----x').subscribe(() => destroy());

      expectObservable(store.state$, '^ 9ms !').toBe('01-2', { 0: 0, 1: 1, 2: 2 });
      expectSubscriptions(ticks.subscriptions).toBe('^---!');
    });
  });

  it('hands every new state to persist, once', () => {
    const persisted: number[] = [];
    const store = new ReducerStore(
      { initial: 0, reduce: reduceCounter, persist: (state) => persisted.push(state) },
      destroyable().destroyRef,
    );

    store.dispatch({ kind: 'add', by: 1 });
    store.dispatch({ kind: 'reset' });
    store.dispatch({ kind: 'reset' });

    expect(persisted).toEqual([1, 0]);
  });
});
