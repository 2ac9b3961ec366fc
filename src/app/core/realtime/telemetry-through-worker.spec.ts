import { BehaviorSubject } from 'rxjs';
import { fakeWorkerEndpoint } from '../../testing/data-worker-testing';
import { CONNECTING } from './socket-status';
import { TelemetryDigest } from './telemetry-digest';
import { telemetryThroughWorker } from './telemetry-through-worker';

describe('telemetryThroughWorker', () => {
  const digest = (reset: boolean, ...ids: string[]): TelemetryDigest => ({
    reset,
    updates: ids.map((id) => ({
      worker_id: id,
      cpu_usage: 1,
      memory_usage: 1,
      gpu_usage: 0,
      running_tasks: [],
      last_update: 1,
      is_active: true,
    })),
    status: CONNECTING,
    clockOffsetMs: 0,
    malformed: 0,
  });

  it('tells the worker this tab shows live data while subscribed, and that it stopped', () => {
    const worker = fakeWorkerEndpoint();
    const subscription = telemetryThroughWorker(worker.endpoint).subscribe();

    subscription.unsubscribe();

    expect(worker.said).toEqual([{ kind: 'telemetry-on' }, { kind: 'telemetry-off' }]);
  });

  it('tells the worker the page’s pace, again as it changes', () => {
    const worker = fakeWorkerEndpoint();
    const pace$ = new BehaviorSubject<number | undefined>(1000);
    const subscription = telemetryThroughWorker(worker.endpoint, pace$).subscribe();

    pace$.next(1000);
    pace$.next(undefined);
    subscription.unsubscribe();

    expect(worker.said).toEqual([
      { kind: 'telemetry-on', everyMs: 1000 },
      { kind: 'telemetry-on' },
      { kind: 'telemetry-off' },
    ]);
  });

  it('passes digests on from the first snapshot, ignoring changes to a map this tab does not have yet', () => {
    const worker = fakeWorkerEndpoint();
    const received: string[] = [];
    telemetryThroughWorker(worker.endpoint).subscribe((each) =>
      received.push(`${each.reset ? 'reset ' : ''}${each.updates.map((entry) => entry.worker_id).join()}`),
    );

    worker.send({ kind: 'telemetry', digest: digest(false, 'early') });
    worker.send({ kind: 'poll', state: { kind: 'loading', consecutiveFailures: 0 } });
    worker.send({ kind: 'telemetry', digest: digest(true, 'kiwi', 'fig') });
    worker.send({ kind: 'telemetry', digest: digest(false, 'kiwi') });

    expect(received).toEqual(['reset kiwi,fig', 'kiwi']);
  });
});
