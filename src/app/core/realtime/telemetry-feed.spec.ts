import { BehaviorSubject, Observable, Subject, defer } from 'rxjs';
import { fakeWorkerEndpoint } from '../../testing/data-worker-testing';
import { beat, frame, reported, setupTelemetry } from '../../testing/realtime-testing';
import { TelemetryDigest } from './telemetry-digest';

describe('TelemetryFeed through the data worker', () => {
  const kiwi = beat('kiwi', 100, 10);
  const digest = (reset: boolean): TelemetryDigest => ({
    reset,
    updates: [kiwi],
    status: { phase: 'open', lastFrameAt: 1 },
    clockOffsetMs: 0,
    malformed: 3,
  });

  function setup(signals: { online?: Observable<boolean>; visible?: Observable<boolean> } = {}) {
    const worker = fakeWorkerEndpoint();
    const failed = new Subject<unknown>();
    const socket = new Subject<string>();
    const opened = { count: 0 };
    const { store } = setupTelemetry({
      sockets: [defer(() => (opened.count++, socket))],
      ...signals,
      worker: { port: worker.endpoint, failed$: failed },
    });
    return { store, worker, failed, socket, opened };
  }

  it("shows the worker's digests, and opens no socket of its own", () => {
    const { store, worker, opened } = setup();
    const usage: string[] = [];
    const malformed: number[] = [];
    store.workers$.subscribe((workers) => usage.push([...workers.keys()].join()));
    store.malformedCount$.subscribe((count) => malformed.push(count));

    worker.send({ kind: 'telemetry', digest: digest(true) });

    expect(worker.said).toContain({ kind: 'telemetry-on' });
    expect(usage).toEqual(['', 'kiwi']);
    expect(malformed).toEqual([0, 3]);
    expect(opened.count).toBe(0);
  });

  it('forgets the workers on sign-out and tells the worker this tab stopped', () => {
    const { store, worker } = setup();
    const usage: string[] = [];
    store.workers$.subscribe((workers) => usage.push([...workers.keys()].join()));
    worker.send({ kind: 'telemetry', digest: digest(true) });

    store.disconnect();

    expect(worker.said).toContain({ kind: 'telemetry-off' });
    expect(usage).toEqual(['', 'kiwi', '']);
  });

  it('opens its own socket when the worker fails', () => {
    const { store, failed, socket, opened } = setup();
    const seen: string[] = [];
    reported(store).subscribe((line) => seen.push(line));

    failed.next(new Event('error'));
    socket.next(frame(beat('fig', 100, 20)));

    expect(opened.count).toBe(1);
    expect(seen).toEqual(['fig=20']);
  });

  it('asks the worker to reconnect at once when the tab is shown again or the browser comes back online', () => {
    const online = new BehaviorSubject(false);
    const visible = new BehaviorSubject(true);
    const { store, worker } = setup({ online, visible });
    store.workers$.subscribe();
    const retries = () => worker.said.filter((message) => message.kind === 'telemetry-retry-now').length;

    online.next(true);
    visible.next(false);
    visible.next(true);

    expect(retries()).toBe(2);
  });
});
