import type { Random } from './random.ts';
import type { Capacity, WorkerRecord } from './model.ts';

/** Machines the default cluster is made of. Storage stays under 1024 GB so a task without storage_required never fits, as on a real cluster. */
const DEFAULT_WORKERS: ReadonlyArray<{ id: string } & Capacity> = [
  { id: 'kiwi', cpu: 12, memory: 8, storage: 100, gpu: 0 },
  { id: 'NullPointer', cpu: 8, memory: 16, storage: 250, gpu: 0 },
  { id: 'gpu-node-1', cpu: 32, memory: 128, storage: 1000, gpu: 4 },
  { id: 'atlas', cpu: 24, memory: 96, storage: 800, gpu: 0 },
  { id: 'tensor-box', cpu: 16, memory: 64, storage: 500, gpu: 2 },
  { id: 'raspberry-7', cpu: 4, memory: 4, storage: 64, gpu: 0 },
];

const EXTRA_PROFILES: readonly Capacity[] = [
  { cpu: 8, memory: 32, storage: 200, gpu: 0 },
  { cpu: 16, memory: 32, storage: 500, gpu: 0 },
  { cpu: 4, memory: 8, storage: 120, gpu: 0 },
  { cpu: 24, memory: 64, storage: 900, gpu: 1 },
];

export const WORKER_PORT = 50052;

export function randomWorkerIp(rng: Random): string {
  return `10.${rng.int(0, 9)}.${rng.int(0, 255)}.${rng.int(2, 254)}:${WORKER_PORT}`;
}

/** Hardware a newly registered machine will report; ids mentioning "gpu" get GPUs. */
export function randomCapacity(rng: Random, workerId: string): Capacity {
  const profile = { ...rng.pick(EXTRA_PROFILES) };
  if (/gpu/i.test(workerId) && profile.gpu === 0) profile.gpu = rng.int(1, 4);
  return profile;
}

export function defaultWorkers(rng: Random, count: number, nowMs: number): WorkerRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const preset = DEFAULT_WORKERS[index];
    // Past the named machines: node-0007, node-0008, ... (unique, sortable, readable at 1000 workers).
    const id = preset?.id ?? `node-${String(index + 1).padStart(4, '0')}`;
    const capacity = preset ? { cpu: preset.cpu, memory: preset.memory, storage: preset.storage, gpu: preset.gpu } : randomCapacity(rng, id);
    return { worker_id: id, worker_ip: randomWorkerIp(rng), capacity, registered_ms: nowMs, last_heartbeat_ms: 0 };
  });
}
