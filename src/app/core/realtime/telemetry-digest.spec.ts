import { TestBed } from '@angular/core/testing';
import { NEVER, SchedulerLike, Subscription, asyncScheduler, concat, from, map } from 'rxjs';
import { marbles } from '../../testing/marbles';
import { beat, frame, setupTelemetry } from '../../testing/realtime-testing';
import { RENDER_SCHEDULER } from './browser-signals';
import { CLOSED, SocketEvent } from './socket-status';
import { MAX_PENDING, TelemetryDigest, TelemetryLedger, digestTelemetry } from './telemetry-digest';

const frameAt = (at: number, raw: string, snapshot = false): SocketEvent => ({ kind: 'frame', raw, at, snapshot });
const retrying: SocketEvent = { kind: 'retrying', attempt: 1, retryAt: 500, reason: 'closed' };

/** A digest as `reset|worker=cpu,…|phase|offset|malformed`. */
const describeDigest = (digest: TelemetryDigest | null) =>
  digest &&
  [
    digest.reset ? 'reset' : '',
    digest.updates.map((entry) => `${entry.worker_id}=${entry.cpu_usage}`).join(','),
    digest.status.phase,
    digest.clockOffsetMs,
    digest.malformed,
  ].join('|');

describe('TelemetryLedger', () => {
  it('hands over the entries received since the last digest, in order, then nothing until more arrive', () => {
    const ledger = new TelemetryLedger();
    ledger.record(frameAt(1000, frame(beat('kiwi', 1, 10), beat('fig', 1, 20)), true));
    ledger.record(frameAt(1001, frame(beat('kiwi', 1.001, 15))));

    expect(describeDigest(ledger.takeDigest())).toBe('|kiwi=10,fig=20,kiwi=15|open|0|0');
    expect(ledger.takeDigest()).toBeNull();
  });

  it("keeps each worker's latest entry for a snapshot, ignoring an older one a reconnection repeats", () => {
    const ledger = new TelemetryLedger();
    ledger.record(frameAt(5000, frame(beat('kiwi', 5, 50))));
    ledger.record(frameAt(1001, frame(beat('kiwi', 4, 40), beat('fig', 4, 20)), true));

    expect(describeDigest(ledger.snapshot())).toBe('reset|kiwi=50,fig=20|open|0|0');
  });

  it('counts malformed frames and entries, and keeps going', () => {
    const ledger = new TelemetryLedger();
    ledger.record(frameAt(1000, 'not json'));
    ledger.record(
      frameAt(1001, JSON.stringify({ fig: beat('fig', 1, 20), bad: { worker_id: 'bad', cpu_usage: 'x' } })),
    );

    expect(describeDigest(ledger.takeDigest())).toBe('|fig=20|open|0|2');
  });

  it("estimates the master's clock offset from heartbeats, leaving out the snapshot sent on connect", () => {
    const ledger = new TelemetryLedger();
    ledger.record(frameAt(10_000, frame(beat('old', 1, 1)), true));
    expect(ledger.takeDigest()?.clockOffsetMs).toBe(0);

    // A heartbeat stamped 610 s (master time) received at 10 s: the master is 600 s ahead.
    ledger.record(frameAt(10_000, frame(beat('kiwi', 610, 1))));
    expect(ledger.takeDigest()?.clockOffsetMs).toBe(600_000);
  });

  it('forgets every worker when the connection is closed on purpose, and says so', () => {
    const ledger = new TelemetryLedger();
    ledger.record(frameAt(1000, frame(beat('kiwi', 1, 10))));
    ledger.record(CLOSED);

    expect(describeDigest(ledger.takeDigest())).toBe('reset||connecting|0|0');
    expect(describeDigest(ledger.snapshot())).toBe('reset||connecting|0|0');
  });

  it('reports a scheduled reconnection, keeping the workers', () => {
    const ledger = new TelemetryLedger();
    ledger.record(frameAt(1000, frame(beat('kiwi', 1, 10))));
    ledger.takeDigest();
    ledger.record(retrying);

    expect(describeDigest(ledger.takeDigest())).toBe('||retrying|0|0');
    expect(describeDigest(ledger.snapshot())).toBe('reset|kiwi=10|retrying|0|0');
  });
});

describe('digestTelemetry', () => {
  it('emits one digest per interval while frames arrive', () => {
    marbles(({ cold, expectObservable }) => {
      const events = cold('a 9ms b 19ms c 29ms d', {
        a: frameAt(0, frame(beat('kiwi', 1, 10))),
        b: frameAt(10, frame(beat('fig', 1, 20))),
        c: frameAt(30, frame(beat('kiwi', 1.03, 30))),
        d: retrying,
      });
      const digests = events.pipe(digestTelemetry(new TelemetryLedger(), 25, asyncScheduler));

      expectObservable(digests.pipe(map(describeDigest)), '100ms !').toBe('25ms x 29ms y 29ms z', {
        x: '|kiwi=10,fig=20|open|0|0',
        y: '|kiwi=30|open|0|0',
        z: '||retrying|0|0',
      });
    });
  });

  it('hands over a full backlog without waiting for a timer, so a hidden tab holds no more than that', () => {
    const frames = Array.from({ length: 450 }, (_, index) => frame(beat(`w${index}`, 100, 10)));
    // A hidden tab whose timers are not called back.
    const noTimers: SchedulerLike = { now: () => 0, schedule: () => new Subscription() };
    TestBed.overrideProvider(RENDER_SCHEDULER, { useValue: noTimers });
    const { store } = setupTelemetry({ sockets: [concat(from(frames), NEVER)], config: { viewCoalesceMs: 50 } });
    const sizes: number[] = [];

    const subscription = store.workers$.subscribe((workers) => sizes.push(workers.size));
    subscription.unsubscribe();

    expect(sizes).toEqual([0, MAX_PENDING, 2 * MAX_PENDING]);
  });
});
