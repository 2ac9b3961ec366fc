import { APIRequestContext, expect } from '@playwright/test';
import { TEST_ACCOUNT } from '../../scripts/lib/session';
import { MASTER_URL } from './ports';

/** A route fault set through the simulator's control API. */
interface RouteFaultOptions {
  /** How many matching requests it applies to; until clearFaults() when absent. */
  times?: number;
  /** Waited before the fault acts. */
  delayMs?: number;
}

interface ErrorFaultOptions extends RouteFaultOptions {
  status?: number;
  body?: string;
}

/** Where a task is inside the simulator: the master only says `running`, whether or not the container exists yet. */
export interface SimTask {
  readonly task_id: string;
  readonly status: string;
  readonly phase: 'queued' | 'unqueued' | 'pulling' | 'running' | 'finished';
  readonly worker_id: string | null;
  readonly log_sockets: number;
  readonly log_sockets_opened: number;
}

/** Direct access to the simulated master, bypassing the dashboard, to set up and check what a test shows. */
export class Master {
  constructor(
    private readonly request: APIRequestContext,
    private readonly url: string = MASTER_URL,
  ) {}

  async workerCount(): Promise<number> {
    const response = await this.request.get(`${this.url}/api/workers`);
    expect(response.ok()).toBeTruthy();
    const body = (await response.json()) as { workers: unknown[] | null };
    return body.workers?.length ?? 0;
  }

  /** How many requests the master has answered on a route pattern, such as `GET /api/tasks`, counting nothing itself. */
  async answeredRequests(route: string): Promise<number> {
    const response = await this.request.get(`${this.url}/__sim/state`);
    expect(response.ok()).toBeTruthy();
    return ((await response.json()) as { requests: Record<string, number> }).requests[route] ?? 0;
  }

  /** Telemetry sockets open at the master now, and ever opened since it started. */
  async telemetrySockets(): Promise<{ open: number; opened: number }> {
    const response = await this.request.get(`${this.url}/__sim/state`);
    expect(response.ok()).toBeTruthy();
    const { sockets } = (await response.json()) as { sockets: { telemetry: number; telemetry_opened: number } };
    return { open: sockets.telemetry, opened: sockets.telemetry_opened };
  }

  async taskCount(): Promise<number> {
    const response = await this.request.get(`${this.url}/api/tasks`);
    expect(response.ok()).toBeTruthy();
    return ((await response.json()) as { tasks: unknown[] }).tasks.length;
  }

  /** Submits a task; the simulator honours `sleep N` (run time) and `exit N` (outcome) in the command. */
  async submitTask(
    dockerImage = 'python:3.12',
    command = 'echo hi',
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const response = await this.request.post(`${this.url}/api/tasks`, {
      data: {
        docker_image: dockerImage,
        command,
        cpu_required: 0.5,
        memory_required: 0.5,
        storage_required: 1,
        tag: 'cpu-light',
        // The signed-in test operator's, so the dashboard may list the task's output files.
        user_id: TEST_ACCOUNT.email,
        ...overrides,
      },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { task_id: string }).task_id;
  }

  /** The task's status as the master lists it. */
  async taskStatus(taskId: string): Promise<string | undefined> {
    const response = await this.request.get(`${this.url}/api/tasks`);
    const tasks = ((await response.json()) as { tasks: { task_id: string; status: string }[] }).tasks;
    return tasks.find((task) => task.task_id === taskId)?.status;
  }

  /** Waits until the master lists the task as running. */
  async waitUntilRunning(taskId: string): Promise<void> {
    await expect.poll(() => this.taskStatus(taskId), { timeout: 20_000 }).toBe('running');
  }

  /** The simulator's own view of a task (phase, log sockets ever opened). */
  async simTask(taskId: string): Promise<SimTask> {
    const response = await this.request.get(`${this.url}/__sim/tasks/${encodeURIComponent(taskId)}`);
    expect(response.ok()).toBeTruthy();
    return (await response.json()) as SimTask;
  }

  /** Waits until the task's container exists: its image is pulled and it is printing. */
  async waitForContainer(taskId: string): Promise<void> {
    await expect.poll(async () => (await this.simTask(taskId)).phase, { timeout: 20_000 }).toBe('running');
  }

  /** How long an image takes to pull on a worker that has it already, and the first time. */
  async setPullTimes(pullMs: number, firstPullMs: number): Promise<void> {
    const response = await this.request.post(`${this.url}/__sim/pull`, {
      data: { pull_ms: pullMs, first_pull_ms: firstPullMs },
    });
    expect(response.ok()).toBeTruthy();
  }

  /** Keeps the open telemetry sockets open but sends them nothing more (a half-open connection). */
  async stallTelemetrySockets(): Promise<number> {
    const response = await this.request.post(`${this.url}/__sim/telemetry/stall`);
    expect(response.ok()).toBeTruthy();
    return ((await response.json()) as { stalled: number }).stalled;
  }

  /** Stops a simulated worker's heartbeats, as a crashed or partitioned worker would. */
  async pauseWorker(workerId: string): Promise<void> {
    const response = await this.request.post(`${this.url}/__sim/workers/${encodeURIComponent(workerId)}/pause`);
    expect(response.ok()).toBeTruthy();
  }

  async addWorker(workerId: string): Promise<void> {
    const response = await this.request.post(`${this.url}/__sim/workers`, { data: { worker_id: workerId } });
    expect(response.ok()).toBeTruthy();
  }

  async resumeWorker(workerId: string): Promise<void> {
    const response = await this.request.post(`${this.url}/__sim/workers/${encodeURIComponent(workerId)}/resume`);
    expect(response.ok()).toBeTruthy();
  }

  /** Stops every worker's heartbeats: after 30 simulated seconds the whole cluster reads as inactive. */
  async pauseAllWorkers(): Promise<void> {
    const response = await this.request.post(`${this.url}/__sim/workers/pause-all`);
    expect(response.ok()).toBeTruthy();
  }

  async resumeAllWorkers(): Promise<void> {
    const response = await this.request.post(`${this.url}/__sim/workers/resume-all`);
    expect(response.ok()).toBeTruthy();
  }

  /**
   * Makes `method path` answer `status` (500 unless given) with `body` (Go's http.Error text unless given).
   * `path` is exact, or a prefix when it ends in `*`; `method` may be `*`. Lasts for `times` requests, or until cleared.
   */
  async failRoute(method: string, path: string, fault: ErrorFaultOptions = {}): Promise<void> {
    await this.addFault(method, path, 'error', fault);
  }

  /** Makes `method path` answer normally, but only after `delayMs`. */
  async delayRoute(
    method: string,
    path: string,
    delayMs: number,
    fault: Pick<RouteFaultOptions, 'times'> = {},
  ): Promise<void> {
    await this.addFault(method, path, 'delay', { ...fault, delayMs });
  }

  /** Makes `method path` close the connection without any response, as the real master does when a handler panics. */
  async dropRoute(method: string, path: string, fault: RouteFaultOptions = {}): Promise<void> {
    await this.addFault(method, path, 'drop', fault);
  }

  /** Removes every route fault; call it in `afterEach` of a spec that sets any. */
  async clearFaults(): Promise<void> {
    const response = await this.request.delete(`${this.url}/__sim/faults`);
    expect(response.ok()).toBeTruthy();
  }

  /**
   * Writes each string verbatim as one text frame (invalid JSON too) to every open `/ws/telemetry` socket.
   * Returns how many sockets got them: 0 while the page has not connected yet, so poll on it
   * (`expect.poll(() => master.sendTelemetryFrames(frames)).toBeGreaterThan(0)`) to send them once.
   */
  async sendTelemetryFrames(frames: string[]): Promise<number> {
    const response = await this.request.post(`${this.url}/__sim/telemetry/frames`, { data: { frames } });
    expect(response.ok()).toBeTruthy();
    return ((await response.json()) as { sockets: number }).sockets;
  }

  /** Like sendTelemetryFrames, on every open log socket of the task. */
  async sendLogFrames(taskId: string, frames: string[]): Promise<number> {
    const response = await this.request.post(`${this.url}/__sim/tasks/${encodeURIComponent(taskId)}/log-frames`, {
      data: { frames },
    });
    expect(response.ok()).toBeTruthy();
    return ((await response.json()) as { sockets: number }).sockets;
  }

  /** Cuts every open log socket of the task without a close frame (the page sees 1006); the task keeps running. */
  async dropLogSockets(taskId: string): Promise<number> {
    const response = await this.request.post(`${this.url}/__sim/tasks/${encodeURIComponent(taskId)}/log-sockets/drop`);
    expect(response.ok()).toBeTruthy();
    return ((await response.json()) as { dropped: number }).dropped;
  }

  /**
   * Drops every WebSocket (or only the telemetry or log ones) without a close frame, like a master that went away;
   * with `code`, closes them with that close frame instead. Returns how many were open.
   */
  async closeSockets(options: { kind?: 'telemetry' | 'logs'; code?: number } = {}): Promise<number> {
    const response = await this.request.post(`${this.url}/__sim/sockets/close`, { data: options });
    expect(response.ok()).toBeTruthy();
    return ((await response.json()) as { closed: number }).closed;
  }

  private async addFault(
    method: string,
    path: string,
    action: 'error' | 'delay' | 'drop',
    fault: ErrorFaultOptions,
  ): Promise<void> {
    const { delayMs, ...rest } = fault;
    const response = await this.request.post(`${this.url}/__sim/faults`, {
      data: { method, path, action, ...rest, ...(delayMs === undefined ? {} : { delay_ms: delayMs }) },
    });
    expect(response.status()).toBe(201);
  }
}
