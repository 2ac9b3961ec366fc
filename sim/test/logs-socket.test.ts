import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { storedLogAsSent, quirksFor } from '../src/quirks.ts';
import { openSocket, postJson, startSim, submitTask, taskStatus, waitFor, waitForContainer, wsUrl, type RunningSim } from './helpers.ts';

describe('task log socket', () => {
  let env: RunningSim;
  before(async () => {
    env = await startSim({ workers: 2 });
  });
  after(() => env.dispose());

  it('replays a finished task\'s lines, sends complete, then drops the connection without a close frame', async () => {
    const taskId = await submitTask(env.url, { command: 'sleep 5; exit 0', user_id: 'user-001' });
    await waitFor(async () => (await taskStatus(env.url, taskId)) === 'completed', 5000, 'completed');
    const stored = ((await (await fetch(`${env.url}/api/tasks/${taskId}/logs`)).json()) as { logs: string }).logs;
    const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
    const { code } = await client.closed;
    assert.equal(code, 1006);
    const [connected, ...rest] = client.messages;
    assert.deepEqual(connected, { type: 'connected', task_id: taskId, user_id: 'user-001', message: 'Connected to task log stream' });
    const complete = rest.pop();
    assert.deepEqual(complete, { type: 'complete', task_id: taskId, status: 'success', message: 'Task completed with status: success' });
    assert.deepEqual(rest.map((message) => message.line), stored.split('\n').filter((line) => line !== ''));
    assert.ok(rest.every((message) => message.type === 'log'));
    assert.ok(rest.some((message) => message.line.includes('\x1b[')), 'TTY output has ANSI colour codes');
  });

  it('also serves /ws/tasks/{id} without the /logs suffix', async () => {
    const taskId = await submitTask(env.url, { command: 'sleep 5; exit 1' });
    await waitFor(async () => (await taskStatus(env.url, taskId)) === 'failed', 5000, 'failed');
    const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}`));
    await client.closed;
    assert.equal(client.messages.at(-1).status, 'failed');
  });

  it('sends an untyped error for an unknown task and closes', async () => {
    const client = await openSocket(wsUrl(env.url, '/ws/tasks/task-404/logs'));
    const { code } = await client.closed;
    assert.equal(code, 1006);
    assert.deepEqual(client.messages, [{ error: 'Failed to get task information: failed to get task: task not found: task-404' }]);
  });

  it('reports a missing assignment for a pending task', async () => {
    const response = await postJson(`${env.url}/api/tasks`, { docker_image: 'alpine', cpu_required: 1, memory_required: 1 });
    const { task_id: taskId } = (await response.json()) as { task_id: string };
    const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
    await client.closed;
    assert.equal(client.messages[0].type, 'connected');
    assert.deepEqual(client.messages[1], { type: 'error', task_id: taskId, error: `failed to find assignment for task: assignment not found for task: ${taskId}` });
  });

  it('streams a running task live, untruncated, and ends with the container status', async () => {
    const taskId = await submitTask(env.url, { command: 'sleep 60; exit 0' });
    await waitForContainer(env, taskId);
    const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
    const { code } = await client.closed;
    assert.equal(code, 1006);
    const complete = client.messages.at(-1);
    assert.deepEqual(complete, { type: 'complete', task_id: taskId, status: 'completed', message: 'Task completed with status: completed' });
    const lines: string[] = client.messages.filter((message) => message.type === 'log').map((message) => message.line);
    const full = env.sim.context.store.results.get(taskId)!.logs;
    assert.deepEqual(lines, full.split('\n').filter((line) => line !== ''));
    // The stored copy lost 8 characters a line; the live lines did not.
    const stored = ((await (await fetch(`${env.url}/api/tasks/${taskId}/logs`)).json()) as { logs: string }).logs;
    assert.equal(stored, storedLogAsSent(full, quirksFor({ wellBehaved: false, gpuWorkers: false })));
    assert.notEqual(stored, full);
    assert.ok(lines[0].startsWith('\x1b[1;34m==>'), 'the banner keeps its first characters live');
  });
});
