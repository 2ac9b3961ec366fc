import { LiveWorker } from '../../../core/realtime/live-worker';

/** Average usage over the workers that reported in each time slot, oldest first. */
export interface ClusterUsageSeries {
  readonly times: readonly number[];
  readonly cpu: readonly number[];
  readonly memory: readonly number[];
}

/**
 * Buckets every worker's usage history into `slotMs` slots and averages each slot over the workers
 * that reported in it: the cluster's CPU and memory over time, from what this tab has collected.
 */
export function toClusterUsage(workers: readonly LiveWorker[], slotMs = 10_000): ClusterUsageSeries {
  const slots = new Map<number, { cpu: number; memory: number; count: number }>();
  for (const worker of workers) {
    const { history } = worker;
    for (let index = 0; index < history.length; index += 1) {
      const slot = Math.floor(history.valueAt('at', index) / slotMs) * slotMs;
      const sums = slots.get(slot) ?? { cpu: 0, memory: 0, count: 0 };
      sums.cpu += history.valueAt('cpu', index);
      sums.memory += history.valueAt('memory', index);
      sums.count += 1;
      slots.set(slot, sums);
    }
  }
  const times = [...slots.keys()].sort((a, b) => a - b);
  return {
    times,
    cpu: times.map((time) => round(slots.get(time)!.cpu / slots.get(time)!.count)),
    memory: times.map((time) => round(slots.get(time)!.memory / slots.get(time)!.count)),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
