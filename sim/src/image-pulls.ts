export interface PullDurations {
  /** A worker that already has the image still checks the registry. */
  pullMs: number;
  firstPullMs: number;
}

/**
 * Which images each worker has, in memory like a Docker daemon's cache, and how long pulls take.
 * Durations are unscaled (as given on the command line or the control API); results are scaled.
 */
export class ImagePulls {
  /** Per worker, per image: when the image is (or will be) on the machine. */
  private readonly readyAt = new Map<string, Map<string, number>>();

  constructor(
    public durations: PullDurations,
    private readonly timeScale: number,
  ) {}

  /**
   * How long a new container of `image` on `workerId` waits before it exists. A second container asking
   * while the first pull is still running waits for that same pull, as Docker joins concurrent pulls.
   */
  startPull(workerId: string, image: string, nowMs = Date.now()): number {
    let images = this.readyAt.get(workerId);
    if (!images) this.readyAt.set(workerId, (images = new Map()));
    const ready = images.get(image);
    const repull = this.durations.pullMs * this.timeScale;
    if (ready === undefined) {
      const first = this.durations.firstPullMs * this.timeScale;
      images.set(image, nowMs + first);
      return first;
    }
    return Math.max(repull, ready - nowMs);
  }

  /** A container that started before this process (seeded) implies the image is there. */
  markPulled(workerId: string, image: string, nowMs = Date.now()): void {
    let images = this.readyAt.get(workerId);
    if (!images) this.readyAt.set(workerId, (images = new Map()));
    if (!images.has(image)) images.set(image, nowMs);
  }

  forgetWorker(workerId: string): void {
    this.readyAt.delete(workerId);
  }
}
