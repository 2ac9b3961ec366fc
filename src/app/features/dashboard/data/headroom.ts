import { LiveWorker } from '../../../core/realtime/live-worker';
import { RESOURCES, Resource } from '../../../shared/cloudai/resource-fit';

/** The most of one resource a task could ask for, and the worker that has it (`null`: no worker). */
export interface ResourcePeak {
  readonly amount: number;
  readonly workerId: string | null;
}

export type ResourcePeaks = Readonly<Record<Resource, ResourcePeak>>;

/** A worker whose free room is lopsided: one resource left over that tasks cannot use without the other. */
export interface StrandedWorker {
  readonly workerId: string;
  /** What is left over, and what is missing to use it. */
  readonly leftOver: 'cpu' | 'memory';
  readonly freeCpu: number;
  readonly freeMemory: number;
}

/**
 * How much room the cluster has, by the master's placement rule (an active worker's free room must
 * cover every requirement). Per resource, since a task asks for all four at once on one worker: the
 * peaks need not be on the same worker, and the page says so.
 */
export interface Headroom {
  /** The most a task could ask for and start now: the largest free room on any active worker. */
  readonly startsNow: ResourcePeaks;
  /** The most a task could ask for and ever run: the largest capacity of any worker, active or not. */
  readonly everRuns: ResourcePeaks;
  /** The active worker with the most free CPU, and its free room: the largest task it alone would start now. */
  readonly roomiest: { readonly workerId: string; readonly free: Readonly<Record<Resource, number>> } | null;
  readonly stranded: readonly StrandedWorker[];
  /** Workers left out because their capacity is unknown. */
  readonly unknownCapacity: number;
}

/** Free CPU with less than this memory (or the reverse) cannot take a task: the master requires more than 0 of both. */
const UNUSABLE_BELOW = 0.5;
/** A left-over worth naming: at least a quarter of the worker and at least one whole core or GB. */
const WORTH_NAMING_SHARE = 0.25;
const WORTH_NAMING_AMOUNT = 1;

export function toHeadroom(workers: readonly LiveWorker[]): Headroom {
  const startsNow = emptyPeaks();
  const everRuns = emptyPeaks();
  const stranded: StrandedWorker[] = [];
  let roomiest: Headroom['roomiest'] = null;
  let unknownCapacity = 0;
  for (const worker of workers) {
    const { capacity, available } = worker;
    if (!capacity || !available) {
      unknownCapacity += 1;
      continue;
    }
    raise(everRuns, capacity, worker.id);
    if (worker.status === 'inactive') continue;
    raise(startsNow, available, worker.id);
    if (!roomiest || available.cpu > roomiest.free.cpu) roomiest = { workerId: worker.id, free: { ...available } };
    const leftOver = strandedResource(
      available.cpu / capacity.cpu,
      available.cpu,
      available.memory / capacity.memory,
      available.memory,
    );
    if (leftOver)
      stranded.push({ workerId: worker.id, leftOver, freeCpu: available.cpu, freeMemory: available.memory });
  }
  return { startsNow, everRuns, roomiest, stranded, unknownCapacity };
}

function emptyPeaks(): Record<Resource, ResourcePeak> {
  return { cpu: NO_PEAK, memory: NO_PEAK, storage: NO_PEAK, gpu: NO_PEAK };
}

const NO_PEAK: ResourcePeak = { amount: 0, workerId: null };

function raise(
  peaks: Record<Resource, ResourcePeak>,
  amounts: Readonly<Record<Resource, number>>,
  workerId: string,
): void {
  for (const resource of RESOURCES) {
    if (peaks[resource].workerId === null || amounts[resource] > peaks[resource].amount) {
      peaks[resource] = { amount: amounts[resource], workerId };
    }
  }
}

function strandedResource(
  cpuShare: number,
  cpu: number,
  memoryShare: number,
  memory: number,
): StrandedWorker['leftOver'] | null {
  const worthNaming = (share: number, amount: number) => share >= WORTH_NAMING_SHARE && amount >= WORTH_NAMING_AMOUNT;
  if (worthNaming(cpuShare, cpu) && memory < UNUSABLE_BELOW) return 'cpu';
  if (worthNaming(memoryShare, memory) && cpu < UNUSABLE_BELOW) return 'memory';
  return null;
}
