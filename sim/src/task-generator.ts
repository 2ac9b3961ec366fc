import type { Random } from './random.ts';
import type { Cluster } from './cluster.ts';
import type { TaskSubmission } from './model.ts';

interface TaskKind {
  tag: string;
  images: readonly string[];
  cpu: [number, number];
  memory: [number, number];
  gpu: [number, number];
}

/** The scheduler's six task types, each with images and resource ranges that fit the default workers. */
const KINDS: readonly TaskKind[] = [
  { tag: 'cpu-light', images: ['python:3.11-slim', 'alpine:3.19', 'busybox:1.36'], cpu: [0.5, 2], memory: [0.5, 2], gpu: [0, 0] },
  { tag: 'cpu-heavy', images: ['moinvinchhi/cloudai-cpu-intensive:6', 'jrottenberg/ffmpeg:6.1-alpine'], cpu: [4, 10], memory: [1, 4], gpu: [0, 0] },
  { tag: 'memory-heavy', images: ['moinvinchhi/cloudai-memory-intensive:3', 'redis:7.2'], cpu: [1, 4], memory: [6, 32], gpu: [0, 0] },
  { tag: 'gpu-inference', images: ['nvidia/cuda:12.2.0-runtime-ubuntu22.04', 'pytorch/torchserve:0.9.0-gpu'], cpu: [2, 6], memory: [4, 16], gpu: [1, 1] },
  { tag: 'gpu-training', images: ['pytorch/pytorch:2.2.0-cuda12.1-cudnn8-runtime', 'tensorflow/tensorflow:2.15.0-gpu'], cpu: [4, 12], memory: [16, 48], gpu: [1, 2] },
  { tag: 'mixed', images: ['moinvinchhi/cloudai-mixed:1', 'python:3.9'], cpu: [2, 6], memory: [2, 8], gpu: [0, 0] },
];

const COMMANDS = ['', '', '', 'python main.py --epochs 5', 'python -m benchmark --size large'];
const USERS = ['user-001', 'user-001', 'batch-runner'];

/** Submits background work at `perMinute` with jittered spacing; 0 stops it. */
export class TaskGenerator {
  private timer: NodeJS.Timeout | undefined;
  private perMinute = 0;

  constructor(
    private readonly cluster: Cluster,
    private readonly rng: Random,
  ) {}

  get rate(): number {
    return this.perMinute;
  }

  setRate(perMinute: number): void {
    this.perMinute = perMinute;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.scheduleNext();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.perMinute = 0;
  }

  private scheduleNext(): void {
    if (this.perMinute <= 0) return;
    const delayMs = (60_000 / this.perMinute) * this.rng.between(0.5, 1.5);
    this.timer = setTimeout(() => {
      // Nobody is waiting for an acknowledgement, so the write can be batched with the other background changes.
      this.cluster.submit(this.randomSubmission(), false);
      this.scheduleNext();
    }, delayMs);
  }

  private randomSubmission(): TaskSubmission {
    return randomSubmission(this.rng);
  }
}

const NON_GPU_KINDS = KINDS.filter((kind) => kind.gpu[1] === 0);

/**
 * A task like the background generator submits (also used to seed benchmark data). Without `gpus`,
 * only kinds that need no GPU: seeded history on a cluster without GPUs cannot include GPU tasks that ran.
 */
export function randomSubmission(rng: Random, gpus = true): TaskSubmission {
  const kind = rng.pick(gpus ? KINDS : NON_GPU_KINDS);
  const halfSteps = ([min, max]: [number, number]) => Math.round(rng.between(min, max) * 2) / 2;
  return {
    docker_image: rng.pick(kind.images),
    command: rng.pick(COMMANDS),
    user_id: rng.pick(USERS),
    cpu_required: halfSteps(kind.cpu),
    memory_required: halfSteps(kind.memory),
    gpu_required: Math.round(rng.between(kind.gpu[0], kind.gpu[1])),
    storage_required: rng.int(1, 40),
    tag: kind.tag,
    k_value: Math.round(rng.between(1.5, 2.5) * 10) / 10,
  };
}
