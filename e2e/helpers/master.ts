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
  async submitTask(dockerImage = 'python:3.12', command = 'echo hi'): Promise<string> {
    const response = await this.request.post(`${MASTER_URL}/api/tasks`, {
      data: {
        docker_image: dockerImage,
        command,
        cpu_required: 0.5,
        memory_required: 0.5,
        storage_required: 1,
        tag: 'cpu-light',
      },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { task_id: string }).task_id;
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
