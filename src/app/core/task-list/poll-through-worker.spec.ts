import { of } from 'rxjs';
import { aTask } from '../../testing/builders';
import { pollThroughWorker } from './poll-through-worker';
import { fakeWorkerEndpoint } from '../../testing/data-worker-testing';

describe('pollThroughWorker', () => {
  const running = aTask({ task_id: 't1', status: 'running' });
  const other = aTask({ task_id: 't2', status: 'pending' });

  it('says what it wants while read, and that it left when no longer read', () => {
    const worker = fakeWorkerEndpoint();
    const subscription = pollThroughWorker(worker.endpoint, {
      wish$: of({ intervalMs: 1000, visible: true }),
      onMalformed: () => undefined,
      onUnauthorized: () => undefined,
    }).subscribe();

    subscription.unsubscribe();

    expect(worker.said).toEqual([{ kind: 'want', intervalMs: 1000, visible: true }, { kind: 'leave' }]);
  });

  it('rebuilds the list from the changes, keeping unchanged tasks and the list itself when nothing changed', () => {
    const worker = fakeWorkerEndpoint();
    const lists: unknown[] = [];
    pollThroughWorker(worker.endpoint, {
      wish$: of({ intervalMs: 1000, visible: true }),
      onMalformed: () => undefined,
      onUnauthorized: () => undefined,
    }).subscribe((state) => lists.push(state.kind === 'ready' ? state.data : state.kind));

    const ready = (data: { full: boolean; ids: string[] | null; changed: (typeof running)[] }, updatedAt: number) =>
      worker.send({ kind: 'poll', state: { kind: 'ready', data, updatedAt, consecutiveFailures: 0 } });
    worker.send({ kind: 'poll', state: { kind: 'loading', consecutiveFailures: 0 } });
    // Sent before the worker heard this reader start: changes to a list it does not have.
    ready({ full: false, ids: null, changed: [running] }, 0);
    ready({ full: true, ids: ['t1', 't2'], changed: [running, other] }, 1);
    ready({ full: false, ids: null, changed: [] }, 2);
    ready({ full: false, ids: null, changed: [{ ...running, status: 'completed' }] }, 3);

    expect(lists[0]).toBe('loading');
    expect(lists[1]).toEqual([running, other]);
    expect(lists[2]).toBe(lists[1]);
    expect((lists[3] as unknown[])[1]).toBe((lists[1] as unknown[])[1]);
    expect((lists[3] as (typeof running)[])[0].status).toBe('completed');
  });

  it('passes the unreadable count and a 401 on', () => {
    const worker = fakeWorkerEndpoint();
    const malformed: number[] = [];
    let unauthorized = 0;
    pollThroughWorker(worker.endpoint, {
      wish$: of({ intervalMs: 1000, visible: true }),
      onMalformed: (rejected) => malformed.push(rejected),
      onUnauthorized: () => unauthorized++,
    }).subscribe();

    worker.send({ kind: 'malformed', rejected: 3 });
    worker.send({ kind: 'unauthorized' });

    expect(malformed).toEqual([3]);
    expect(unauthorized).toBe(1);
  });
});
