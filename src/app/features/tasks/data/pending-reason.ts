import { RESOURCES, Resource, countShort, fitsIn } from '../../../shared/cloudai/resource-fit';
import { ResourceAmounts } from '../../../shared/cloudai/worker.model';
import { formatResourceAmount as formatAmount } from '../../../shared/format/resource-amount';
import { capacitiesOf } from './worker-capacities';

/** How often the master looks at its queue of pending tasks. */
export const MASTER_SCAN_MS = 5000;

/**
 * Fitting a worker's free room this long without being started, a task has most likely been
 * forgotten: the master keeps its queue in memory, and pending tasks from before a restart are
 * never queued again. Six scans, and more than the registry's 10 s refresh of allocations.
 */
export const LOST_AFTER_MS = 6 * MASTER_SCAN_MS;

/** A worker as the master's placement sees it. */
export interface PlacementWorker {
  readonly id: string;
  /** The master places tasks only on workers it still counts as active (a heartbeat in the last 30 s). */
  readonly active: boolean;
  /** `null` when unknown: known only from telemetry, registered but never connected, or no database. */
  readonly capacity: ResourceAmounts | null;
  /** Capacity less allocation, as the master computes it (more than the capacity after a negative allocation). */
  readonly available: ResourceAmounts | null;
}

/** A resource no worker has enough of, and the most any worker has. */
export interface Shortfall {
  readonly resource: Resource;
  readonly required: number;
  readonly largest: number;
}

/**
 * Why a pending task has not started, from the master's placement rule: a worker it counts as
 * active with free room ≥ the requirement for each of CPU, memory, storage and GPUs. `best` is the
 * worker that comes closest (the one the master would pick, when one fits).
 */
export type PendingReason =
  /** No worker is registered at all. */
  | { readonly kind: 'no-workers' }
  /** Workers exist but none has reported its capacity (never connected, or a master without database). */
  | { readonly kind: 'unknown'; readonly workers: number }
  /** No worker has the capacity, active or not: it can never run on this cluster as it is. */
  | {
      readonly kind: 'never';
      /** Per resource; empty when each is available somewhere but never all on one worker. */
      readonly short: readonly Shortfall[];
      readonly unknownCapacity: number;
      readonly best: PlacementWorker | null;
    }
  /** Only workers the master counts as inactive have the capacity. */
  | { readonly kind: 'inactive'; readonly fitting: Fitting; readonly best: PlacementWorker }
  /** Active workers have the capacity, but their free room is taken by running work. */
  | { readonly kind: 'busy'; readonly fitting: Fitting; readonly best: PlacementWorker }
  /** It fits free room now, seen since `since` (epoch ms): the master should start it at its next scan. */
  | {
      readonly kind: 'ready';
      readonly fitting: Fitting;
      readonly best: PlacementWorker;
      readonly since: number;
    }
  /** As `ready`, for longer than {@link LOST_AFTER_MS}: the master has probably forgotten it. */
  | {
      readonly kind: 'lost';
      readonly fitting: Fitting;
      readonly best: PlacementWorker;
      readonly since: number;
    };

export type PendingReasonKind = PendingReason['kind'];

/** The workers a reason is about: the first few by id (a thousand names help nobody) and how many in all. */
export interface Fitting {
  readonly names: readonly string[];
  readonly count: number;
}

/** How many workers a {@link Fitting} names. */
const NAMED_WORKERS = 5;

/** "kiwi, atlas and 4 more". */
export function describeFitting({ names, count }: Fitting): string {
  return count > names.length ? `${names.join(', ')} and ${count - names.length} more` : names.join(', ');
}

/** The groups the task list filters by. */
export const PENDING_GROUPS = ['never', 'inactive', 'busy', 'ready', 'lost', 'unknown'] as const;
export type PendingGroup = (typeof PENDING_GROUPS)[number];

/** A task that will not start by itself: it can never run here, or the master has lost it. */
export function waitsForever(reason: PendingReason): boolean {
  return reason.kind === 'never' || reason.kind === 'no-workers' || reason.kind === 'lost';
}

export function pendingGroupOf(reason: PendingReason): PendingGroup {
  return reason.kind === 'no-workers' ? 'never' : reason.kind;
}

/**
 * Why a task asking for `required` is not running, on these workers. `seenFitting` is when this task
 * was first seen fitting free room, without a break, up to now (`null` when it did not fit before).
 */
export function pendingReasonOf(
  required: ResourceAmounts,
  workers: readonly PlacementWorker[],
  now: number,
  seenFitting: number | null = null,
): PendingReason {
  if (workers.length === 0) return { kind: 'no-workers' };
  const capacities = capacitiesOf(workers);
  if (capacities.known === 0) return { kind: 'unknown', workers: workers.length };
  // Most of a cluster's workers share a few machine types: whether any is large enough, and which
  // comes closest, is known from one worker of each.
  if (!capacities.kinds.some((worker) => fitsIn(required, worker.capacity!))) {
    return {
      kind: 'never',
      short: shortfalls(required, capacities.largest),
      unknownCapacity: workers.length - capacities.known,
      best: closest(capacities.kinds, (worker) => worker.capacity!, required),
    };
  }
  // One pass sorts the workers into ever narrower groups, each inside the one before: this runs for
  // every distinct request against every worker, each time the workers change.
  const capable: PlacementWorker[] = [];
  const candidates: PlacementWorker[] = [];
  let readyCount = 0;
  const readyNames: string[] = [];
  let pick: PlacementWorker | null = null;
  let pickShare = 0;
  for (const worker of workers) {
    if (worker.capacity === null || !fitsIn(required, worker.capacity)) continue;
    capable.push(worker);
    if (!worker.active) continue;
    candidates.push(worker);
    if (worker.available === null || !fitsIn(required, worker.available)) continue;
    if (readyCount++ < NAMED_WORKERS) readyNames.push(worker.id);
    // The master's choice: the largest share of CPU left once the task is placed (the first of equals).
    const share = (worker.available.cpu - required.cpu) / (worker.capacity.cpu || Number.POSITIVE_INFINITY);
    if (pick === null || share > pickShare) {
      pick = worker;
      pickShare = share;
    }
  }
  if (candidates.length === 0) return { kind: 'inactive', fitting: fittingOf(capable), best: capable[0] };
  if (pick === null) {
    return {
      kind: 'busy',
      fitting: fittingOf(candidates),
      best: closest(candidates, (worker) => worker.available ?? ZERO, required)!,
    };
  }
  const fitting = { names: readyNames, count: readyCount };
  return withSeenFitting({ kind: 'ready', fitting, best: pick, since: now }, seenFitting, now);
}

/**
 * `reason` for a task first seen fitting at `seenFitting` (`null`: not before now): a task that fits
 * becomes `lost` once it has fitted for {@link LOST_AFTER_MS}. Other reasons are returned as they are.
 */
export function withSeenFitting(reason: PendingReason, seenFitting: number | null, now: number): PendingReason {
  if (reason.kind !== 'ready' && reason.kind !== 'lost') return reason;
  const since = seenFitting ?? now;
  const kind = now - since >= LOST_AFTER_MS ? 'lost' : 'ready';
  return kind === reason.kind && since === reason.since ? reason : { ...reason, kind, since };
}

const ZERO: ResourceAmounts = { cpu: 0, memory: 0, storage: 0, gpu: 0 };

function fittingOf(workers: readonly PlacementWorker[]): Fitting {
  return { names: workers.slice(0, NAMED_WORKERS).map((worker) => worker.id), count: workers.length };
}

/** The resources of which no worker has as much as `required`, given the most any has. */
function shortfalls(required: ResourceAmounts, largest: ResourceAmounts): Shortfall[] {
  return RESOURCES.filter((resource) => largest[resource] < required[resource]).map((resource) => ({
    resource,
    required: required[resource],
    largest: largest[resource],
  }));
}

/** The worker whose `room` is short of the fewest resources; then the one with the most CPU room. */
function closest(
  workers: readonly PlacementWorker[],
  room: (worker: PlacementWorker) => ResourceAmounts,
  required: ResourceAmounts,
): PlacementWorker | null {
  let best: PlacementWorker | null = null;
  let bestShort = 0;
  let bestCpu = 0;
  for (const worker of workers) {
    const amounts = room(worker);
    const short = countShort(required, amounts);
    if (best === null || short < bestShort || (short === bestShort && amounts.cpu > bestCpu)) {
      best = worker;
      bestShort = short;
      bestCpu = amounts.cpu;
    }
  }
  return best;
}

/** The reason in one line, as the task list shows it after "Pending ·". */
export function describePendingReason(reason: PendingReason): string {
  switch (reason.kind) {
    case 'no-workers':
      return 'no worker is registered';
    case 'unknown':
      return `no worker has reported its capacity (${reason.workers} registered)`;
    case 'never': {
      const unknown = reason.unknownCapacity > 0 ? `; ${reason.unknownCapacity} with unknown capacity` : '';
      if (reason.short.length === 0) return `no single worker has all it asks for${unknown}`;
      const needs = reason.short.map((short) => formatAmount(short.resource, short.required)).join(' or ');
      const largest = reason.short.map((short) => formatAmount(short.resource, short.largest)).join(', ');
      return `no worker has ${needs} (largest: ${largest})${unknown}`;
    }
    case 'inactive':
      return `only inactive workers could run it (${describeFitting(reason.fitting)})`;
    case 'busy':
      return `waiting for room on ${describeFitting(reason.fitting)}`;
    case 'ready':
      return `fits ${reason.best.id} now; the master should start it within ${MASTER_SCAN_MS / 1000} s`;
    case 'lost':
      return `fits ${reason.best.id} but has not started for over ${LOST_AFTER_MS / 1000} s: the master may have lost it`;
  }
}
