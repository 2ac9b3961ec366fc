import { aLiveWorker } from '../../../testing/builders';
import { toClusterUsage } from './cluster-usage';
import { UsageHistory } from '../../../core/realtime/usage-history';

describe('toClusterUsage', () => {
  it('averages usage per time slot over the workers that reported in it', () => {
    const a = aLiveWorker({
      history: UsageHistory.of([
        { at: 1_000, cpu: 10, memory: 40, gpu: 0 },
        { at: 12_000, cpu: 30, memory: 50, gpu: 0 },
      ]),
    });
    const b = aLiveWorker({ history: UsageHistory.of([{ at: 4_000, cpu: 50, memory: 60, gpu: 0 }]) });

    expect(toClusterUsage([a, b])).toEqual({ times: [0, 10_000], cpu: [30, 30], memory: [50, 50] });
  });

  it('is empty before any heartbeat', () => {
    expect(toClusterUsage([aLiveWorker({ history: UsageHistory.EMPTY })])).toEqual({ times: [], cpu: [], memory: [] });
  });
});
