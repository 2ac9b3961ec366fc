import { TestBed } from '@angular/core/testing';
import { NEVER, SchedulerLike, Subscription, asyncScheduler, concat, from } from 'rxjs';
import { marbles } from '../../testing/marbles';
import { UsageHistory } from './usage-history';
import { RENDER_SCHEDULER } from './browser-signals';
import { NO_WORKERS, TelemetryBatchItem, applyBatch, batchPerFrame } from './telemetry-batch';
import { beat, frame, setupTelemetry, usage } from '../../testing/realtime-testing';
import { TelemetryUpdate, TrackedWorker } from './tracked-worker';

describe('batchPerFrame', () => {
  // A hidden tab: the animation-frame scheduler is never called back.
  const noFrames: SchedulerLike = { now: () => 0, schedule: () => new Subscription() };

  it('gathers the updates of one animation frame into one batch', () => {
    marbles(({ cold, expectObservable }) => {
      // In run mode the async scheduler is virtual: its "frame" comes at the same virtual time.
      const updates = cold('(ab) c');

      expectObservable(updates.pipe(batchPerFrame(asyncScheduler)), '50ms !').toBe('x 3ms y', {
        x: ['a', 'b'],
        y: ['c'],
      });
    });
  });

  it('closes a batch within a second when no animation frame comes', () => {
    marbles(({ cold, expectObservable }) => {
      const updates = cold('a 9ms b 1199ms c');

      expectObservable(updates.pipe(batchPerFrame(noFrames)), '3000ms !').toBe('1000ms x 1209ms y', {
        x: ['a', 'b'],
        y: ['c'],
      });
    });
  });

  it('applies frames without an animation frame once a batch is full, so a hidden tab holds no backlog', () => {
    const frames = Array.from({ length: 450 }, (_, index) => frame(beat(`w${index}`, 100, 10)));
    TestBed.overrideProvider(RENDER_SCHEDULER, { useValue: noFrames });
    const { store } = setupTelemetry({ sockets: [concat(from(frames), NEVER)] });
    const sizes: number[] = [];

    const subscription = store.workers$.subscribe((workers) => sizes.push(workers.size));
    subscription.unsubscribe();

    // Two full batches were applied; the last 50 frames wait for the next batch (or frame), nothing more.
    expect(sizes).toEqual([0, 200, 400]);
  });
});

describe('applyBatch', () => {
  const update = (id: string, lastUpdate: number, cpu: number): TelemetryUpdate => beat(id, lastUpdate, cpu);
  const kiwi: ReadonlyMap<string, TrackedWorker> = new Map([
    ['kiwi', { telemetry: beat('kiwi', 100, 10), history: UsageHistory.EMPTY }],
  ]);

  it('applies every update of the batch, in order', () => {
    const batch: TelemetryBatchItem[] = [[update('fig', 100, 20)], [update('kiwi', 101, 30), update('kiwi', 102, 40)]];

    expect(usage(applyBatch(kiwi, batch, 10_000))).toBe('kiwi=40,fig=20');
  });

  it('counts only what came after a closed connection, over an empty map', () => {
    const batch: TelemetryBatchItem[] = [[update('fig', 100, 20)], null, [update('plum', 100, 30)]];

    expect(usage(applyBatch(kiwi, batch, 10_000))).toBe('plum=30');
    expect(applyBatch(kiwi, [[update('fig', 100, 20)], null], 10_000)).toBe(NO_WORKERS);
  });

  it('keeps the same map when the batch holds nothing to apply', () => {
    expect(applyBatch(kiwi, [], 10_000)).toBe(kiwi);
    expect(applyBatch(kiwi, [[]], 10_000)).toBe(kiwi);
  });
});
