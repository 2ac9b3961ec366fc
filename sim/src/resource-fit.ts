import type { Capacity, TaskSubmission } from './model.ts';

/** The four amounts a task asks for. */
export type Requirements = Pick<
  TaskSubmission,
  'cpu_required' | 'memory_required' | 'storage_required' | 'gpu_required'
>;

/** A machine as a placement sees it: what it has and what its tasks already hold. */
export interface Occupancy {
  capacity: Capacity;
  used: Capacity;
}

export function emptyCapacity(): Capacity {
  return { cpu: 0, memory: 0, storage: 0, gpu: 0 };
}

/**
 * The master's rule: every one of the four resources must have room left. Written as "free >= required"
 * (not "used + required <= capacity") because that is the master's arithmetic, and with fractional
 * amounts the two can disagree at the edge.
 */
export function fits(task: Requirements, { capacity, used }: Occupancy): boolean {
  return (
    capacity.cpu - used.cpu >= task.cpu_required &&
    capacity.memory - used.memory >= task.memory_required &&
    capacity.storage - used.storage >= task.storage_required &&
    capacity.gpu - used.gpu >= task.gpu_required
  );
}

/**
 * The master's choice among machines the task fits: the largest share of CPU left over once it is placed.
 * Ties go to the earliest candidate; undefined when it fits nowhere.
 */
export function mostFreeCpuFit<T extends Occupancy>(task: Requirements, candidates: Iterable<T>): T | undefined {
  let best: { candidate: T; freeCpuShare: number } | undefined;
  for (const candidate of candidates) {
    if (!fits(task, candidate)) continue;
    const { capacity, used } = candidate;
    const freeCpuShare = (capacity.cpu - used.cpu - task.cpu_required) / capacity.cpu;
    if (!best || freeCpuShare > best.freeCpuShare) best = { candidate, freeCpuShare };
  }
  return best?.candidate;
}

/** Adds the task's requirements to a running total (a machine's allocation). */
export function addRequirements(total: Capacity, task: Requirements): void {
  total.cpu += task.cpu_required;
  total.memory += task.memory_required;
  total.storage += task.storage_required;
  total.gpu += task.gpu_required;
}
