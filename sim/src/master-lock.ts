/**
 * The master's global mutex as the cancel path holds it: across the worker RPC that stops a container.
 * Holders run one at a time in arrival order; `onRelease` runs each time a holder lets go.
 */
export class MasterLock {
  private tail: Promise<void> = Promise.resolve();
  private holding = false;

  constructor(private readonly onRelease: () => void) {}

  get held(): boolean {
    return this.holding;
  }

  async run<T>(work: () => T | Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    await previous;
    this.holding = true;
    try {
      return await work();
    } finally {
      this.holding = false;
      release();
      this.onRelease();
    }
  }
}
