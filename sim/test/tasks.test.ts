import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { droppedWithoutResponse, postJson, startSim, submitTask, taskStatus, waitFor, waitForContainer, type RunningSim } from './helpers.ts';

async function listed(url: string, taskId: string): Promise<any> {
  const { tasks } = (await (await fetch(`${url}/api/tasks`)).json()) as { tasks: Array<{ task_id: string }> };
  return tasks.find((task) => task.task_id === taskId);
}

describe('tasks', () => {
  let env: RunningSim;
  before(async () => {
    env = await startSim({ workers: 3 });
  });
  after(() => env.dispose());

  it('runs a submitted task to completion and reports assignment and result', async () => {
    const response = await postJson(`${env.url}/api/tasks`, { docker_image: 'python:3.9', cpu_required: 1, memory_required: 1, storage_required: 5, tag: 'cpu-light', command: 'sleep 20 && exit 0' });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('content-type'), 'application/json');
    const created = (await response.json()) as { task_id: string; status: string; message: string };
    assert.match(created.task_id, /^task-\d{19}$/);
    assert.equal(created.status, 'queued');
    assert.match(created.message, /^Task submitted successfully\. Queue position: \d+\. Scheduler will assign it to an available worker\.$/);

    // Stored as pending, never as "queued".
    assert.ok(['pending', 'running'].includes((await taskStatus(env.url, created.task_id))!));
    await waitFor(async () => (await taskStatus(env.url, created.task_id)) === 'running', 3000, 'running');
    await waitFor(async () => (await taskStatus(env.url, created.task_id)) === 'completed', 5000, 'completed');

    const detail = (await (await fetch(`${env.url}/api/tasks/${created.task_id}`)).json()) as any;
    assert.equal(detail.status, 'completed');
    assert.equal(detail.tag, 'cpu-light');
    assert.equal(detail.k_value, 2);
    assert.ok(['kiwi', 'NullPointer', 'gpu-node-1'].includes(detail.assignment.worker_id));
    assert.equal(detail.result.status, 'success');
    assert.ok(detail.result.logs.length > 0);
    const logs = (await (await fetch(`${env.url}/api/tasks/${created.task_id}/logs`)).json()) as any;
    assert.equal(logs.status, 'success');
    assert.equal(logs.logs, detail.result.logs);
    const history = (await (await fetch(`${env.url}/api/workers/${detail.assignment.worker_id}/tasks`)).json()) as any;
    assert.ok(history.tasks.some((entry: { task_id: string }) => entry.task_id === created.task_id));
  });

  it('marks a task failed when its container exits non-zero', async () => {
    const taskId = await submitTask(env.url, { command: 'sleep 10; exit 1' });
    await waitFor(async () => (await taskStatus(env.url, taskId)) === 'failed', 5000, 'failed');
    const detail = (await (await fetch(`${env.url}/api/tasks/${taskId}`)).json()) as any;
    assert.equal(detail.result.status, 'failed');
  });

  it('lists pending tasks with the master\'s defaults, filters by status, and crashes on their detail and logs', async () => {
    // No worker has 1024 GB of storage, the default when storage_required is omitted.
    const response = await postJson(`${env.url}/api/tasks`, { docker_image: 'alpine', cpu_required: 1, memory_required: 1 });
    const { task_id: taskId } = (await response.json()) as { task_id: string };
    const item = await listed(env.url, taskId);
    assert.equal(item.status, 'pending');
    assert.equal(item.storage_required, 1024);
    assert.equal(item.tag, '');
    assert.equal(item.k_value, 0);
    // No result yet: both handlers dereference it and the connection drops without an answer.
    assert.ok(await droppedWithoutResponse(env.url, `/api/tasks/${taskId}`));
    assert.ok(await droppedWithoutResponse(env.url, `/api/tasks/${taskId}/logs`));
    await assert.rejects(fetch(`${env.url}/api/tasks/${taskId}`), TypeError);
    const pending = (await (await fetch(`${env.url}/api/tasks?status=pending`)).json()) as any;
    assert.ok(pending.tasks.every((task: { status: string }) => task.status === 'pending'));
    assert.ok(pending.tasks.some((task: { task_id: string }) => task.task_id === taskId));
    assert.deepEqual(await (await fetch(`${env.url}/api/tasks?status=nope`)).json(), { tasks: [] });
  });

  it('rejects invalid submissions with the master\'s text errors', async () => {
    const cases: Array<[unknown, string]> = [
      [{ cpu_required: 1, memory_required: 1 }, 'Missing required field: docker_image'],
      [{ docker_image: 'x', cpu_required: 0, memory_required: 1 }, 'Invalid resource requirements: cpu_required and memory_required must be greater than 0'],
      [{ docker_image: 'x', cpu_required: 1 }, 'Invalid resource requirements: cpu_required and memory_required must be greater than 0'],
      [{ docker_image: 'x', cpu_required: 1, memory_required: 1, k_value: 3 }, 'k_value must be between 1.5 and 2.5'],
      [{ docker_image: 'x', cpu_required: true, memory_required: 1 }, 'Invalid JSON: json: cannot unmarshal bool into Go struct field TaskRequest.cpu_required of type json.Number'],
      [{ docker_image: 'x', cpu_required: '', memory_required: 1 }, 'Invalid JSON: json: invalid number literal, trying to unmarshal "\\"\\"" into Number'],
      [{ docker_image: 'x', cpu_required: 'two', memory_required: 1 }, 'Invalid JSON: json: invalid number literal, trying to unmarshal "\\"two\\"" into Number'],
      ['{not json', 'Invalid JSON: invalid character'],
      ['', 'Invalid JSON: EOF'],
    ];
    for (const [body, message] of cases) {
      const response = await postJson(`${env.url}/api/tasks`, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.ok((await response.text()).startsWith(message), JSON.stringify(body));
    }
  });

  it('accepts quoted numbers and treats null as omitted', async () => {
    const taskId = await submitTask(env.url, { cpu_required: '0.5', memory_required: '2', k_value: '1.5', gpu_required: null, command: 'sleep 1000' });
    const detail = await listed(env.url, taskId);
    assert.equal(detail.cpu_required, 0.5);
    assert.equal(detail.memory_required, 2);
    assert.equal(detail.k_value, 1.5);
    assert.equal(detail.gpu_required, 0);
  });

  it('answers huge bodies with 413 text', async () => {
    const response = await postJson(`${env.url}/api/tasks`, { docker_image: 'x'.repeat(2 * 1024 * 1024), cpu_required: 1, memory_required: 1 });
    assert.equal(response.status, 413);
    assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
  });

  it('cancels a running task after the worker stops it', async () => {
    const taskId = await submitTask(env.url, { command: 'sleep 1000' });
    await waitForContainer(env, taskId);
    const started = Date.now();
    const response = await fetch(`${env.url}/api/tasks/${taskId}`, { method: 'DELETE' });
    assert.ok(Date.now() - started >= 45, 'answered only after the cancel delay');
    assert.deepEqual(await response.json(), { task_id: taskId, status: 'cancelled', message: 'Task cancellation requested' });
    const detail = (await (await fetch(`${env.url}/api/tasks/${taskId}`)).json()) as any;
    assert.equal(detail.status, 'cancelled');
    assert.equal(detail.result.status, 'cancelled');
    // "Task was" went with the worker's header stripping.
    assert.match(detail.result.logs, /\n cancelled by user request\n$/);
    // Its resources are free again: the worker's next heartbeat no longer lists it.
    const runningOnWorker = async () => ((await (await fetch(`${env.url}/api/workers/${detail.assignment.worker_id}`)).json()) as any).running_tasks ?? [];
    await waitFor(async () => !(await runningOnWorker()).some((entry: { task_id: string }) => entry.task_id === taskId), 2000, 'heartbeat without the task');
  });

  it('speaks Go mux: 404 and 405 texts, Task ID required, CORS on everything', async () => {
    const notFound = await fetch(`${env.url}/api/nothing`);
    assert.equal(notFound.status, 404);
    assert.equal(await notFound.text(), '404 page not found\n');
    assert.equal(notFound.headers.get('access-control-allow-origin'), 'http://localhost:3000');
    const wrongMethod = await fetch(`${env.url}/api/tasks`, { method: 'PUT' });
    assert.equal(wrongMethod.status, 405);
    assert.equal(await wrongMethod.text(), 'Method not allowed\n');
    const noId = await fetch(`${env.url}/api/tasks/`);
    assert.equal(noId.status, 400);
    assert.equal(await noId.text(), 'Task ID required\n');
    const unknown = await fetch(`${env.url}/api/tasks/task-1`);
    assert.equal(await unknown.text(), 'Task not found: task not found: task-1\n');
    const preflight = await fetch(`${env.url}/api/tasks/anything/at/all`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 200);
    assert.equal(await preflight.text(), '');
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET, POST, PUT, DELETE, OPTIONS');
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'Content-Type, Authorization');
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
  });

  it('escapes HTML characters like Go and ends JSON with a newline', async () => {
    const taskId = await submitTask(env.url, { docker_image: 'a<b>&c', command: 'sleep 1000' });
    const text = await (await fetch(`${env.url}/api/tasks`)).text();
    assert.ok(text.includes(`"task_id":"${taskId}","docker_image":"a\\u003cb\\u003e\\u0026c"`));
    assert.ok(text.endsWith('}\n'));
  });
});

describe('worker registration', () => {
  it('validates, registers, starts heartbeating and refuses duplicates', async () => {
    const env = await startSim({ workers: 0 });
    try {
      const missingId = await postJson(`${env.url}/api/workers`, { worker_ip: '10.0.0.1:50052' });
      assert.equal(await missingId.text(), 'worker_id is required\n');
      const missingIp = await postJson(`${env.url}/api/workers`, { worker_id: 'w1' });
      assert.equal(await missingIp.text(), 'worker_ip is required\n');
      const bad = await postJson(`${env.url}/api/workers`, '{');
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /^Invalid request body: /);

      const created = await postJson(`${env.url}/api/workers`, { worker_id: 'gpu-w1', worker_ip: '10.0.0.1:50052' });
      assert.equal(created.status, 201);
      const body = (await created.json()) as any;
      assert.deepEqual(body.worker, { worker_id: 'gpu-w1', worker_ip: '10.0.0.1:50052', is_active: false });
      const before = ((await (await fetch(`${env.url}/api/workers`)).json()) as any).workers[0];
      assert.equal(before.is_active, false);
      assert.equal(before.last_heartbeat, 0);
      assert.deepEqual(before.total_resources, { cpu: 0, memory: 0, storage: 0, gpu: 0 });
      assert.equal(before.last_update, undefined);
      await waitFor(async () => ((await (await fetch(`${env.url}/api/workers`)).json()) as any).workers[0].is_active, 2000, 'heartbeat');
      const after = ((await (await fetch(`${env.url}/api/workers`)).json()) as any).workers[0];
      assert.ok(after.total_resources.cpu > 0);
      assert.equal(after.total_resources.gpu, 0, 'real workers detect no GPU, whatever their name');
      assert.equal(after.address, '10.0.0.1:50052');

      const duplicate = await postJson(`${env.url}/api/workers`, { worker_id: 'gpu-w1', worker_ip: '10.0.0.2:50052' });
      assert.equal(duplicate.status, 500);
      assert.equal(await duplicate.text(), 'Failed to register worker: worker gpu-w1 already registered\n');
    } finally {
      await env.dispose();
    }
  });
});
