import { NOT_POLLED } from '../../shared/streams/smart-poll';
import { fakeWorkerEndpoint } from '../../testing/data-worker-testing';
import { FailureOverview } from './failure-reader';
import { failuresThroughWorker } from './failures-through-worker';

describe('failuresThroughWorker', () => {
  it('tells the worker while this tab shows failures, and gives the overviews it sends', () => {
    const { endpoint, said, send } = fakeWorkerEndpoint();
    const overview: FailureOverview = { failures: [], failedTotal: 2, examined: 2, read: 0 };
    const received: FailureOverview[] = [];

    const subscription = failuresThroughWorker(endpoint).subscribe((next) => received.push(next));
    send({ kind: 'poll', state: NOT_POLLED });
    send({ kind: 'failures', overview });
    subscription.unsubscribe();

    expect(said).toEqual([{ kind: 'failures-on' }, { kind: 'failures-off' }]);
    expect(received).toEqual([overview]);
  });
});
