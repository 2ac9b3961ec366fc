import { TaskListEntry } from './task.model';
import { ResourceAmounts } from './worker.model';

/** The four resources the master weighs when it places a task. */
export const RESOURCES = ['cpu', 'memory', 'storage', 'gpu'] as const;
export type Resource = (typeof RESOURCES)[number];

/** What a task asks for, in the units of a worker's amounts (cores, GB, GB, GPUs). */
export function requirementsOf(
  task: Pick<TaskListEntry, 'cpu_required' | 'memory_required' | 'storage_required' | 'gpu_required'>,
): ResourceAmounts {
  return {
    cpu: task.cpu_required,
    memory: task.memory_required,
    storage: task.storage_required,
    gpu: task.gpu_required,
  };
}

/**
 * How many of the four resources `room` holds less of than `required`, by the master's rule "free ≥
 * required" for each (a negative requirement, which the master accepts for GPUs, always fits).
 * Counted without a list: it runs for every worker against every distinct request.
 */
export function countShort(required: ResourceAmounts, room: ResourceAmounts): number {
  return (
    Number(room.cpu < required.cpu) +
    Number(room.memory < required.memory) +
    Number(room.storage < required.storage) +
    Number(room.gpu < required.gpu)
  );
}

export function fitsIn(required: ResourceAmounts, room: ResourceAmounts): boolean {
  return (
    room.cpu >= required.cpu &&
    room.memory >= required.memory &&
    room.storage >= required.storage &&
    room.gpu >= required.gpu
  );
}
