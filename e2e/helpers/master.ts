import { APIRequestContext, expect } from '@playwright/test';
import { MASTER_URL } from './ports';

/** Direct access to the simulated master, bypassing the dashboard, to set up and check what a test shows. */
export class Master {
  constructor(private readonly request: APIRequestContext) {}

  async workerCount(): Promise<number> {
    const response = await this.request.get(`${MASTER_URL}/api/workers`);
    expect(response.ok()).toBeTruthy();
    const body = (await response.json()) as { workers: unknown[] | null };
    return body.workers?.length ?? 0;
  }

  async taskCount(): Promise<number> {
    const response = await this.request.get(`${MASTER_URL}/api/tasks`);
    expect(response.ok()).toBeTruthy();
    return ((await response.json()) as { tasks: unknown[] }).tasks.length;
  }

  /** Submits a task; the simulator honours `sleep N` (run time) and `exit N` (outcome) in the command. */
  async submitTask(
    dockerImage = 'python:3.12',
    command = 'echo hi',
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const response = await this.request.post(`${MASTER_URL}/api/tasks`, {
      data: {
        docker_image: dockerImage,
        command,
        cpu_required: 0.5,
        memory_required: 0.5,
        storage_required: 1,
        tag: 'cpu-light',
        user_id: 'e2e-user',
        ...overrides,
      },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { task_id: string }).task_id;
  }

  /** The task's status as the master lists it. */
  async taskStatus(taskId: string): Promise<string | undefined> {
    const response = await this.request.get(`${MASTER_URL}/api/tasks`);
    const tasks = ((await response.json()) as { tasks: { task_id: string; status: string }[] }).tasks;
    return tasks.find((task) => task.task_id === taskId)?.status;
  }

  /** Waits until the master lists the task as running. */
  async waitUntilRunning(taskId: string): Promise<void> {
    await expect.poll(() => this.taskStatus(taskId), { timeout: 20_000 }).toBe('running');
  }

  /** Stops a simulated worker's heartbeats, as a crashed or partitioned worker would. */
  async pauseWorker(workerId: string): Promise<void> {
    const response = await this.request.post(`${MASTER_URL}/__sim/workers/${encodeURIComponent(workerId)}/pause`);
    expect(response.ok()).toBeTruthy();
  }

  async addWorker(workerId: string): Promise<void> {
    const response = await this.request.post(`${MASTER_URL}/__sim/workers`, { data: { worker_id: workerId } });
    expect(response.ok()).toBeTruthy();
  }
}
