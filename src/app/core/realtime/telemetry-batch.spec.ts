import { UsageHistory } from './usage-history';
import { TelemetryBatchItem, applyBatch } from './telemetry-batch';
import { beat, usage } from '../../testing/realtime-testing';
import { NO_WORKERS, TelemetryUpdate, TrackedWorkers } from './tracked-worker';

describe('applyBatch', () => {
  const update = (id: string, lastUpdate: number, cpu: number): TelemetryUpdate => beat(id, lastUpdate, cpu);
  const kiwi: TrackedWorkers = new Map([['kiwi', { telemetry: beat('kiwi', 100, 10), history: UsageHistory.EMPTY }]]);

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
