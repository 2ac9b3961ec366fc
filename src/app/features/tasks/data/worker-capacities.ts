import { RESOURCES } from '../../../shared/cloudai/resource-fit';
import { ResourceAmounts } from '../../../shared/cloudai/worker.model';
import { oncePerObject } from '../../../shared/state/once-per-object';
import { PlacementWorker } from './pending-reason';

/** What the capacities of a list of workers come to, the same for every request judged against it. */
export interface WorkerCapacities {
  /** How many workers have reported their capacity. */
  readonly known: number;
  /**
   * One worker for each distinct capacity, the first in the list to have it, in list order. A
   * question about capacities alone has the same answer on these few as on the whole list.
   */
  readonly kinds: readonly PlacementWorker[];
  /** The most of each resource any of them has. */
  readonly largest: ResourceAmounts;
}

/**
 * The capacities of `workers`, worked out once for each list: a cluster has a thousand workers
 * but a handful of machine types, and each distinct request is judged against the list.
 */
export const capacitiesOf: (workers: readonly PlacementWorker[]) => WorkerCapacities = oncePerObject(summarise);

function summarise(workers: readonly PlacementWorker[]): WorkerCapacities {
  const kinds = new Map<string, PlacementWorker>();
  const largest = { cpu: -Infinity, memory: -Infinity, storage: -Infinity, gpu: -Infinity };
  let known = 0;
  for (const worker of workers) {
    const capacity = worker.capacity;
    if (capacity === null) continue;
    known++;
    const key = `${capacity.cpu}/${capacity.memory}/${capacity.storage}/${capacity.gpu}`;
    if (!kinds.has(key)) kinds.set(key, worker);
    for (const resource of RESOURCES) largest[resource] = Math.max(largest[resource], capacity[resource]);
  }
  return { known, kinds: [...kinds.values()], largest };
}
