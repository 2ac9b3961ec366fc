/** What a faulty route does: answer with an error, answer late, or drop the connection without answering. */
export type FaultAction = 'error' | 'delay' | 'drop';

export const FAULT_ACTIONS: readonly FaultAction[] = ['error', 'delay', 'drop'];

export interface RouteFaultSpec {
  /** Upper-case HTTP method, or `*` for any. */
  method: string;
  /** An exact path (no query string), or a prefix when it ends in `*`. */
  path: string;
  action: FaultAction;
  /** `error` only. */
  status?: number;
  body?: string;
  contentType?: string;
  /** Waited before acting; for `delay` the whole fault, after which the route answers normally. */
  delayMs: number;
  /** How many requests it applies to; null until cleared. */
  times: number | null;
}

export interface RouteFault extends RouteFaultSpec {
  id: number;
  remaining: number | null;
}

/** The control API's own paths: faults never apply to them, so a test can always clear what it set. */
export function isControlPath(path: string): boolean {
  return path === '/__sim' || path.startsWith('/__sim/');
}

function matches(fault: RouteFault, method: string, path: string): boolean {
  if (fault.method !== '*' && fault.method !== method.toUpperCase()) return false;
  return fault.path.endsWith('*') ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
}

/** Route faults set through the control API, in the order they were added. */
export class FaultPlan {
  private faults: RouteFault[] = [];
  private nextId = 1;

  add(spec: RouteFaultSpec): RouteFault {
    const fault: RouteFault = { ...spec, method: spec.method.toUpperCase(), id: this.nextId++, remaining: spec.times };
    this.faults.push(fault);
    return fault;
  }

  /**
   * The first fault, in the order added, that matches the request, with one use taken from it; a fault
   * whose uses run out is removed. Earlier faults win, so "fail once, then answer slowly" is two faults.
   */
  take(method: string, path: string): RouteFault | undefined {
    if (isControlPath(path)) return undefined;
    const fault = this.faults.find((candidate) => matches(candidate, method, path));
    if (fault?.remaining != null && --fault.remaining <= 0) this.remove(fault.id);
    return fault;
  }

  list(): readonly RouteFault[] {
    return this.faults;
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  clear(): number {
    const cleared = this.faults.length;
    this.faults = [];
    return cleared;
  }
}
