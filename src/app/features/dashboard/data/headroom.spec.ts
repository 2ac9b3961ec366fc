import { ResourceAmounts } from '../../../shared/cloudai/worker.model';
import { aLiveWorker, amounts, roomLeft } from '../../../testing/builders';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { toHeadroom } from './headroom';

/** A worker as the registry reports it: available is capacity less allocation, as the master computes it. */
const worker = (
  id: string,
  capacity: ResourceAmounts | null,
  allocated: ResourceAmounts = amounts(0, 0, 0),
  status: LiveWorker['status'] = 'active',
): LiveWorker =>
  aLiveWorker({
    id,
    status,
    capacity,
    allocated: capacity && allocated,
    available: capacity && roomLeft(capacity, allocated),
  });

describe('toHeadroom', () => {
  it('finds, per resource, the most a task could ask for and start now, and the most it could ever ask for', () => {
    const headroom = toHeadroom([
      worker('kiwi', amounts(12, 8, 100), amounts(2, 2, 5)),
      worker('atlas', amounts(24, 96, 800), amounts(20, 10, 0)),
      worker('big-but-down', amounts(64, 512, 2000, 0), undefined, 'inactive'),
      worker('late', amounts(4, 4, 64), undefined, 'stale'),
    ]);

    expect(headroom.startsNow).toEqual({
      cpu: { amount: 10, workerId: 'kiwi' },
      memory: { amount: 86, workerId: 'atlas' },
      storage: { amount: 800, workerId: 'atlas' },
      gpu: { amount: 0, workerId: 'kiwi' },
    });
    expect(headroom.everRuns.cpu).toEqual({ amount: 64, workerId: 'big-but-down' });
    expect(headroom.everRuns.storage).toEqual({ amount: 2000, workerId: 'big-but-down' });
    expect(headroom.roomiest).toEqual({ workerId: 'kiwi', free: amounts(10, 6, 95) });
  });

  const cases: readonly { name: string; workers: LiveWorker[]; stranded: unknown[]; unknown: number }[] = [
    {
      name: 'CPU left over without memory',
      workers: [worker('kiwi', amounts(12, 8, 100), amounts(2, 7.8, 5))],
      stranded: [{ workerId: 'kiwi', leftOver: 'cpu', freeCpu: 10, freeMemory: jasmine.any(Number) }],
      unknown: 0,
    },
    {
      name: 'memory left over without CPU',
      workers: [worker('mem', amounts(8, 16, 100), amounts(7.8, 2, 5))],
      stranded: [{ workerId: 'mem', leftOver: 'memory', freeCpu: jasmine.any(Number), freeMemory: 14 }],
      unknown: 0,
    },
    {
      name: 'a balanced worker, an inactive lopsided one, and telemetry-only workers (capacity unknown)',
      workers: [
        worker('kiwi', amounts(12, 8, 100), amounts(6, 4, 5)),
        worker('down', amounts(12, 8, 100), amounts(2, 7.8, 5), 'inactive'),
        worker('ghost', null),
      ],
      stranded: [],
      unknown: 1,
    },
    {
      name: 'a negative allocation, counted as the master counts it',
      workers: [worker('odd', amounts(4, 4, 10), amounts(-1, 0, 0))],
      stranded: [],
      unknown: 0,
    },
  ];
  for (const example of cases) {
    it(`names stranded workers: ${example.name}`, () => {
      const headroom = toHeadroom(example.workers);

      expect(headroom.stranded).toEqual(example.stranded as never);
      expect(headroom.unknownCapacity).toBe(example.unknown);
    });
  }

  it('has no peaks on a cluster whose capacities are all unknown', () => {
    const headroom = toHeadroom([worker('ghost', null)]);

    expect(headroom.startsNow.cpu).toEqual({ amount: 0, workerId: null });
    expect(headroom.roomiest).toBeNull();
  });

  it('counts a negative allocation as more room, as the master does', () => {
    expect(toHeadroom([worker('odd', amounts(4, 4, 10), amounts(-1, 0, 0))]).startsNow.cpu.amount).toBe(5);
  });
});
