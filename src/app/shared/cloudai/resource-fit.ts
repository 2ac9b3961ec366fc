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
 * The resources of which `room` holds less than `required`, by the master's rule "free ≥ required"
 * for each of the four (a negative requirement, which the master accepts for GPUs, always fits).
 */
export function shortOf(required: ResourceAmounts, room: ResourceAmounts): Resource[] {
  return RESOURCES.filter((resource) => room[resource] < required[resource]);
}

export function fitsIn(required: ResourceAmounts, room: ResourceAmounts): boolean {
  return (
    room.cpu >= required.cpu &&
    room.memory >= required.memory &&
    room.storage >= required.storage &&
    room.gpu >= required.gpu
  );
}
