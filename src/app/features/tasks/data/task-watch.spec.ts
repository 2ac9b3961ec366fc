import { aTask } from '../../../testing/builders';
import {
  UNLISTED_GRACE_MS,
  WATCHED_KEPT,
  WatchedTask,
  boundWatched,
  hasUnfinished,
  observeWatched,
} from './task-watch';

describe('observeWatched', () => {
  const watching = (status: string | null, unseenFailure = false): WatchedTask => ({ status, unseenFailure, since: 0 });

  it('announces a watched task that went from unfinished to finished, once', () => {
    const watched = new Map([['t1', watching('running')]]);
    const first = observeWatched(watched, [aTask({ task_id: 't1', status: 'completed' })], 0);

    expect(first.finished).toEqual([{ taskId: 't1', status: 'completed' }]);
    expect(observeWatched(first.watched, [aTask({ task_id: 't1', status: 'completed' })], 0).finished).toEqual([]);
  });

  it('counts a failure as unseen until it is opened', () => {
    const { watched } = observeWatched(
      new Map([['t1', watching('pending')]]),
      [aTask({ task_id: 't1', status: 'failed' })],
      0,
    );

    expect(watched.get('t1')?.unseenFailure).toBeTrue();
  });

  it('does not announce a task first seen already finished', () => {
    const observed = observeWatched(new Map([['t1', watching(null)]]), [aTask({ task_id: 't1', status: 'failed' })], 0);

    expect(observed.finished).toEqual([]);
    expect(observed.watched.get('t1')?.status).toBe('failed');
  });

  it('forgets a watched task the master still does not list after the grace time', () => {
    const watched = new Map([['gone', watching('running')]]);

    expect(observeWatched(watched, [], UNLISTED_GRACE_MS - 1).watched.has('gone')).toBeTrue();
    expect(observeWatched(watched, [], UNLISTED_GRACE_MS + 1).watched.has('gone')).toBeFalse();
  });

  it('returns the same map when nothing changed, and ignores tasks not listed yet', () => {
    const watched = new Map([['t1', watching('running')]]);

    expect(observeWatched(watched, [aTask({ task_id: 't1', status: 'running' })], 0).watched).toBe(watched);
    expect(observeWatched(watched, [], 0).watched).toBe(watched);
  });
});

describe('boundWatched', () => {
  it('drops the oldest finished tasks first', () => {
    const watched = new Map<string, WatchedTask>();
    for (let i = 0; i < WATCHED_KEPT; i += 1)
      watched.set(`done-${i}`, { status: 'completed', unseenFailure: false, since: i });
    watched.set('running', { status: 'running', unseenFailure: false, since: -1 });

    const bounded = boundWatched(watched);

    expect(bounded.size).toBe(WATCHED_KEPT);
    expect(bounded.has('running')).toBeTrue();
    expect(bounded.has('done-0')).toBeFalse();
  });
});

describe('hasUnfinished', () => {
  it('is true while any watched task can still change', () => {
    expect(hasUnfinished(new Map([['t1', { status: 'completed', unseenFailure: false, since: 0 }]]))).toBeFalse();
    expect(hasUnfinished(new Map([['t1', { status: null, unseenFailure: false, since: 0 }]]))).toBeTrue();
  });
});
