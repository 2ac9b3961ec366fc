import { ResourceAmounts } from '../../../shared/cloudai/worker.model';
import { amounts, roomLeft } from '../../../testing/builders';
import {
  LOST_AFTER_MS,
  PlacementWorker,
  describePendingReason,
  pendingGroupOf,
  pendingReasonOf,
} from './pending-reason';

const worker = (
  id: string,
  capacity: ResourceAmounts | null,
  allocated: ResourceAmounts = amounts(0, 0, 0),
  active = true,
): PlacementWorker => ({
  id,
  active,
  capacity,
  available: capacity && roomLeft(capacity, allocated),
});

const NOW = 1_800_000_000_000;
const kiwi = worker('kiwi', amounts(12, 8, 100));
const atlas = worker('atlas', amounts(24, 96, 800));
const gpuBox = worker('gpu-node-1', amounts(32, 128, 1000));

interface Case {
  readonly name: string;
  readonly required: ResourceAmounts;
  readonly workers: readonly PlacementWorker[];
  readonly seenFitting?: number;
  readonly expected: Record<string, unknown>;
  readonly line: string;
}

const CASES: readonly Case[] = [
  {
    name: 'no worker registered',
    required: amounts(1, 1, 5),
    workers: [],
    expected: { kind: 'no-workers' },
    line: 'no worker is registered',
  },
  {
    name: 'only telemetry-only or never-connected workers (capacities reported as zeros)',
    required: amounts(1, 1, 5),
    workers: [worker('ghost', null), worker('new-node', null, undefined, false)],
    expected: { kind: 'unknown', workers: 2 },
    line: 'no worker has reported its capacity (2 registered)',
  },
  {
    name: 'storage_required left out, so the master asked for 1024 GB',
    required: amounts(1, 1, 1024),
    workers: [kiwi, atlas, gpuBox],
    expected: { kind: 'never', short: [{ resource: 'storage', required: 1024, largest: 1000 }], unknownCapacity: 0 },
    line: 'no worker has 1,024 GB storage (largest: 1,000 GB storage)',
  },
  {
    name: 'a GPU asked for while every worker reports 0 GPUs',
    required: amounts(1, 1, 5, 1),
    workers: [kiwi, atlas, worker('ghost', null)],
    expected: { kind: 'never', short: [{ resource: 'gpu', required: 1, largest: 0 }], unknownCapacity: 1 },
    line: 'no worker has 1 GPU (largest: 0 GPUs); 1 with unknown capacity',
  },
  {
    name: 'each amount exists somewhere, never all on one worker',
    required: amounts(30, 100, 10),
    workers: [worker('cores', amounts(32, 16, 100)), worker('memory', amounts(8, 256, 100))],
    expected: { kind: 'never', short: [] },
    line: 'no single worker has all it asks for',
  },
  {
    name: 'only an inactive worker is large enough',
    required: amounts(20, 64, 500),
    workers: [kiwi, worker('atlas', amounts(24, 96, 800), undefined, false)],
    expected: { kind: 'inactive', fitting: { names: ['atlas'], count: 1 } },
    line: 'only inactive workers could run it (atlas)',
  },
  {
    name: 'large enough workers are busy; the closest is the one short of fewest resources',
    required: amounts(10, 4, 10),
    workers: [
      worker('kiwi', amounts(12, 8, 100), amounts(10, 2, 5)),
      worker('atlas', amounts(24, 96, 800), amounts(20, 94, 0)),
    ],
    expected: { kind: 'busy', fitting: { names: ['kiwi', 'atlas'], count: 2 } },
    line: 'waiting for room on kiwi, atlas',
  },
  {
    name: 'a negative allocation leaves more room than the capacity, as the master counts it',
    required: amounts(10, 4, 10),
    workers: [worker('kiwi', amounts(12, 8, 100), amounts(-2, 0, 0))],
    expected: { kind: 'ready', fitting: { names: ['kiwi'], count: 1 }, since: NOW },
    line: 'fits kiwi now; the master should start it within 5 s',
  },
  {
    name: 'a negative GPU requirement fits workers without GPUs',
    required: amounts(1, 1, 5, -1),
    workers: [kiwi],
    expected: { kind: 'ready', fitting: { names: ['kiwi'], count: 1 } },
    line: 'fits kiwi now; the master should start it within 5 s',
  },
  {
    name: "it has fitted for longer than six of the master's scans",
    required: amounts(1, 1, 5),
    workers: [kiwi],
    seenFitting: NOW - LOST_AFTER_MS - 90_000,
    expected: { kind: 'lost', since: NOW - LOST_AFTER_MS - 90_000 },
    line: 'fits kiwi but has not started for over 30 s: the master may have lost it',
  },
  {
    name: 'it has fitted for less than that',
    required: amounts(1, 1, 5),
    workers: [kiwi],
    seenFitting: NOW - 10_000,
    expected: { kind: 'ready', since: NOW - 10_000 },
    line: 'fits kiwi now; the master should start it within 5 s',
  },
];

describe('pendingReasonOf', () => {
  for (const example of CASES) {
    it(example.name, () => {
      const reason = pendingReasonOf(example.required, example.workers, NOW, example.seenFitting ?? null);

      expect(reason).toEqual(jasmine.objectContaining(example.expected));
      expect(describePendingReason(reason)).toBe(example.line);
    });
  }

  it('names the worker the master would pick: the most CPU share left once placed', () => {
    const reason = pendingReasonOf(amounts(2, 1, 5), [kiwi, atlas, gpuBox], NOW);

    expect(reason.kind).toBe('ready');
    expect(reason.kind === 'ready' && reason.best.id).toBe('gpu-node-1');
  });

  it('names the busy worker closest to fitting', () => {
    const reason = pendingReasonOf(
      amounts(10, 4, 10),
      [
        worker('kiwi', amounts(12, 8, 100), amounts(10, 2, 5)),
        worker('atlas', amounts(24, 96, 800), amounts(20, 94, 0)),
      ],
      NOW,
    );

    expect(reason.kind === 'busy' && reason.best.id).toBe('kiwi');
  });

  it('names the first five workers that fit, and says how many more', () => {
    const many = Array.from({ length: 8 }, (_, n) => worker(`node-${n}`, amounts(4, 4, 64)));

    const reason = pendingReasonOf(
      amounts(1, 1, 5),
      many.map((each) => ({ ...each, active: false })),
      NOW,
    );

    expect(describePendingReason(reason)).toBe(
      'only inactive workers could run it (node-0, node-1, node-2, node-3, node-4 and 3 more)',
    );
  });

  it('groups a cluster without workers with the tasks that can never run', () => {
    expect(pendingGroupOf({ kind: 'no-workers' })).toBe('never');
    expect(pendingGroupOf(pendingReasonOf(amounts(1, 1, 5), [kiwi], NOW))).toBe('ready');
  });
});
