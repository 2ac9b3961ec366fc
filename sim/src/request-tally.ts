/**
 * How many requests the master has answered, by method and route pattern (`GET /api/tasks`,
 * `DELETE /api/tasks/*`): what the benchmark reads to see how much load the dashboard puts on
 * the master, for instance whether three open tabs poll the task list three times as often.
 */
export class RequestTally {
  private readonly counts = new Map<string, number>();

  add(method: string, routePattern: string): void {
    const key = `${method} ${routePattern}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Every count so far, keyed by `METHOD /pattern`. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
