/** One point of a worker's usage history, at the master's receive time (epoch ms). */
export interface UsageSample {
  readonly at: number;
  readonly cpu: number;
  readonly memory: number;
  readonly gpu: number;
}

export type UsageColumn = keyof UsageSample;

/** Enough for 15 minutes of heartbeats every 5 s; grows (doubling) only for faster heartbeats. */
const INITIAL_CAPACITY = 256;
/** However fast heartbeats come, a worker never keeps more samples than this. */
export const MAX_SAMPLES = 2048;

/** The columns of one worker's samples, preallocated and written in a ring. */
class SampleBuffer {
  readonly columns: Record<UsageColumn, Float64Array>;
  /** How many samples were ever written: the next write goes to `written % capacity`. */
  written = 0;

  constructor(readonly capacity: number) {
    this.columns = {
      at: new Float64Array(capacity),
      cpu: new Float64Array(capacity),
      memory: new Float64Array(capacity),
      gpu: new Float64Array(capacity),
    };
  }
}

/**
 * A worker's recent usage, oldest sample first. The samples live in preallocated typed arrays
 * written as a ring, so memory per worker is fixed from the first heartbeat instead of growing
 * for 15 minutes. Each append returns a new history object (views see it changed) over the same
 * buffer; only the newest history of a worker may be appended to, and older ones are not read.
 */
export class UsageHistory {
  static readonly EMPTY = new UsageHistory(null, 0, 0);

  /** For tests and fixtures: a history holding exactly these samples. */
  static of(samples: readonly UsageSample[]): UsageHistory {
    return samples.reduce((history, sample) => history.append(sample, Number.POSITIVE_INFINITY), UsageHistory.EMPTY);
  }

  private constructor(
    private readonly buffer: SampleBuffer | null,
    /** Absolute index (in writes) of the oldest sample. */
    private readonly first: number,
    readonly length: number,
  ) {}

  /** One column's value of the `index`-th sample (0 = oldest). */
  valueAt(column: UsageColumn, index: number): number {
    const buffer = this.buffer!;
    return buffer.columns[column][(this.first + index) % buffer.capacity];
  }

  /** A column as a plain array, oldest first: what charts take. */
  column(column: UsageColumn): number[] {
    return Array.from({ length: this.length }, (_, index) => this.valueAt(column, index));
  }

  toArray(): UsageSample[] {
    return Array.from({ length: this.length }, (_, index) => ({
      at: this.valueAt('at', index),
      cpu: this.valueAt('cpu', index),
      memory: this.valueAt('memory', index),
      gpu: this.valueAt('gpu', index),
    }));
  }

  /** Adds the newest sample and drops those more than `windowMs` older than it. */
  append(sample: UsageSample, windowMs: number): UsageHistory {
    let { buffer, first } = this.writable();
    let length = this.length;
    const oldestKept = sample.at - windowMs;
    while (length > 0 && this.read(buffer, 'at', first) < oldestKept) {
      first += 1;
      length -= 1;
    }
    if (length === buffer.capacity) {
      if (buffer.capacity < MAX_SAMPLES) {
        buffer = this.grown(buffer, first, length);
        first = 0;
      } else {
        first += 1;
        length -= 1;
      }
    }
    const slot = buffer.written % buffer.capacity;
    buffer.columns.at[slot] = sample.at;
    buffer.columns.cpu[slot] = sample.cpu;
    buffer.columns.memory[slot] = sample.memory;
    buffer.columns.gpu[slot] = sample.gpu;
    buffer.written += 1;
    return new UsageHistory(buffer, first, length + 1);
  }

  private read(buffer: SampleBuffer, column: UsageColumn, absolute: number): number {
    return buffer.columns[column][absolute % buffer.capacity];
  }

  /** This history's buffer if it is the newest view of it; otherwise a copy, so an old view never corrupts a newer one. */
  private writable(): { buffer: SampleBuffer; first: number } {
    if (this.buffer === null) return { buffer: new SampleBuffer(INITIAL_CAPACITY), first: 0 };
    if (this.buffer.written === this.first + this.length) return { buffer: this.buffer, first: this.first };
    return { buffer: this.grown(this.buffer, this.first, this.length, this.buffer.capacity), first: 0 };
  }

  /** A bigger buffer holding the given samples from index 0. */
  private grown(
    buffer: SampleBuffer,
    first: number,
    length: number,
    capacity = Math.min(MAX_SAMPLES, buffer.capacity * 2),
  ): SampleBuffer {
    const next = new SampleBuffer(capacity);
    for (let index = 0; index < length; index += 1) {
      for (const column of ['at', 'cpu', 'memory', 'gpu'] as const) {
        next.columns[column][index] = this.read(buffer, column, first + index);
      }
    }
    next.written = length;
    return next;
  }
}
