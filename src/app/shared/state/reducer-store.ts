import { DestroyRef, inject } from '@angular/core';
import { BehaviorSubject, Observable, Subject, distinctUntilChanged, merge, scan } from 'rxjs';

export interface ReducerStoreSpec<S, E> {
  readonly initial: S;
  /** Pure: the state after one event. Return the same object when nothing changed. */
  readonly reduce: (state: S, event: E) => S;
  /**
   * Events that come from outside the store's commands (answers, timers, other stores). Given the
   * store's own state, so a source can depend on it (poll only while something is pending, say).
   */
  readonly sources?: (state$: Observable<S>) => Observable<E>;
  /** Called with every new state: where a store keeps what must outlive the page (browser storage). */
  readonly persist?: (state: S) => void;
}

/**
 * The one way a store holds state: events in (its commands' `dispatch` and its sources), state out.
 * The state is only ever changed by `reduce`; derived streams read `state$` and never write it.
 * Hot from creation, so no event is lost before the first subscriber; stopped when the injector
 * that created it is destroyed (the app, or the route that provides a page store).
 */
export class ReducerStore<S, E> {
  private readonly events = new Subject<E>();
  private readonly state: BehaviorSubject<S>;

  /** Hot; replays the current state; never completes. */
  readonly state$: Observable<S>;

  constructor(spec: ReducerStoreSpec<S, E>, destroyRef: DestroyRef) {
    this.state = new BehaviorSubject(spec.initial);
    this.state$ = this.state.pipe(distinctUntilChanged());
    const subscription = merge(this.events, spec.sources?.(this.state$) ?? [])
      .pipe(scan(spec.reduce, spec.initial), distinctUntilChanged())
      .subscribe((state) => {
        spec.persist?.(state);
        this.state.next(state);
      });
    destroyRef.onDestroy(() => subscription.unsubscribe());
  }

  dispatch(event: E): void {
    this.events.next(event);
  }
}

/** A reducer store that lives as long as the current injector. Call in an injection context. */
export function injectReducerStore<S, E>(spec: ReducerStoreSpec<S, E>): ReducerStore<S, E> {
  return new ReducerStore(spec, inject(DestroyRef));
}
