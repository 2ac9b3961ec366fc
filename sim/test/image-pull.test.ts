import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ImagePulls } from '../src/image-pulls.ts';
import { openSocket, postJson, simTask, startSim, submitTask, taskStatus, waitFor, waitForPhase, wsUrl, type RunningSim } from './helpers.ts';

const NOT_RUNNING = 'Task not found or not running on this worker';

/** How long a task stays in `pulling`, watched through the control API. */
async function pullDuration(url: string, taskId: string): Promise<number> {
  await waitForPhase(url, taskId, 'pulling');
  const seen = Date.now();
  await waitFor(async () => (await simTask(url, taskId)).phase !== 'pulling', 5000, 'pull done');
  return Date.now() - seen;
}

describe('image pull phase', () => {
  let env: RunningSim;
  before(async () => {
    // Scaled by 0.01: a first pull takes 1 s, a repeat 200 ms.
    env = await startSim({ workers: 1, control: true, firstPullMs: 100_000, pullMs: 20_000 });
  });
  after(() => env.dispose());

  it('runs and allocates a task at once, but its log stream says not_found until the image is there, which the master stores', async () => {
    const taskId = await submitTask(env.url, { docker_image: 'ubuntu:24.04', command: 'sleep 5; exit 0' });
    const pulling = await waitForPhase(env.url, taskId, 'pulling');
    assert.equal(pulling.status, 'running');
    assert.equal(pulling.worker_id, 'kiwi');
    const kiwi = async () => ((await (await fetch(`${env.url}/api/workers`)).json()) as any).workers[0];
    assert.equal((await kiwi()).allocated_resources.cpu, 1);
    await waitFor(async () => (await kiwi()).running_tasks_count === 1, 2000, 'heartbeat listing the pulling task');

    const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
    assert.equal((await client.closed).code, 1006);
    assert.deepEqual(client.messages, [
      { type: 'connected', task_id: taskId, user_id: '', message: 'Connected to task log stream' },
      { type: 'log', task_id: taskId, line: NOT_RUNNING },
      { type: 'complete', task_id: taskId, status: 'not_found', message: 'Task completed with status: not_found' },
    ]);
    assert.equal(await taskStatus(env.url, taskId), 'not_found');
    const during = await simTask(env.url, taskId);
    assert.equal(during.phase, 'pulling', 'the stream ending changes nothing on the worker');
    assert.equal(during.log_sockets_opened, 1);

    // The completion report overwrites the stream's status.
    await waitFor(async () => (await taskStatus(env.url, taskId)) === 'completed', 5000, 'completed');
    const logs = env.sim.context.store.results.get(taskId)!.logs;
    assert.ok(logs.startsWith('\x1b[1;34m==>\x1b[0m Starting ubuntu:24.04'), 'nothing was printed during the pull');
  });

  it('pulls an image a worker already has faster than one it has never pulled', async () => {
    const first = await submitTask(env.url, { docker_image: 'redis:7.2', command: 'sleep 1000' });
    const firstPull = await pullDuration(env.url, first);
    const again = await submitTask(env.url, { docker_image: 'redis:7.2', command: 'sleep 1000' });
    const repeatPull = await pullDuration(env.url, again);
    assert.ok(firstPull >= 800, `first pull ${firstPull} ms`);
    assert.ok(repeatPull < 700, `repeat pull ${repeatPull} ms`);
    for (const taskId of [first, again]) await fetch(`${env.url}/api/tasks/${taskId}`, { method: 'DELETE' });
  });

  it('changes pull durations at run time through the control API', async () => {
    const changed = await postJson(`${env.url}/__sim/pull`, { first_pull_ms: 5000 });
    assert.deepEqual(await changed.json(), { pull_ms: 20_000, first_pull_ms: 5000 });
    const state = (await (await fetch(`${env.url}/__sim/state`)).json()) as any;
    assert.deepEqual(state.pull, { pull_ms: 20_000, first_pull_ms: 5000 });
    const taskId = await submitTask(env.url, { docker_image: 'node:22', command: 'sleep 1000' });
    assert.ok((await pullDuration(env.url, taskId)) < 700, '50 ms scaled instead of a second');
    await fetch(`${env.url}/api/tasks/${taskId}`, { method: 'DELETE' });

    for (const body of [{ pull_ms: -1 }, { first_pull_ms: 'slow' }, [1]]) {
      assert.equal((await postJson(`${env.url}/__sim/pull`, body)).status, 400, JSON.stringify(body));
    }
    assert.deepEqual(await (await postJson(`${env.url}/__sim/pull`, { pull_ms: 20_000, first_pull_ms: 100_000 })).json(), { pull_ms: 20_000, first_pull_ms: 100_000 });
  });

  it('cancels a task that is still pulling: its log is only the cancellation', async () => {
    const taskId = await submitTask(env.url, { docker_image: 'golang:1.23', command: 'sleep 1000' });
    await waitForPhase(env.url, taskId, 'pulling');
    assert.equal((await fetch(`${env.url}/api/tasks/${taskId}`, { method: 'DELETE' })).status, 200);
    assert.equal(await taskStatus(env.url, taskId), 'cancelled');
    assert.equal(env.sim.context.store.results.get(taskId)!.logs, 'Task was cancelled by user request\n');
  });
});

describe('image pulls, --well-behaved', () => {
  it('has no pull phase: the container streams from the first moment', async () => {
    const env = await startSim({ workers: 1, control: true, wellBehaved: true, firstPullMs: 100_000 });
    try {
      const taskId = await submitTask(env.url, { command: 'sleep 1000' });
      const state = await waitFor(async () => {
        const current = await simTask(env.url, taskId);
        return current.phase !== 'queued' && current;
      }, 3000, 'placed');
      assert.equal(state.phase, 'running');
      const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
      await waitFor(() => client.messages.length >= 2, 2000, 'banner');
      assert.equal(client.messages[1].type, 'log');
      assert.notEqual(client.messages[1].line, NOT_RUNNING);
      client.socket.close();
    } finally {
      await env.dispose();
    }
  });
});

describe('ImagePulls', () => {
  it('charges the first pull once per worker and image, and makes a concurrent second container wait for it', () => {
    const pulls = new ImagePulls({ pullMs: 1500, firstPullMs: 6000 }, 1);
    assert.equal(pulls.startPull('kiwi', 'python:3.9', 0), 6000);
    assert.equal(pulls.startPull('kiwi', 'python:3.9', 1000), 5000, 'joins the pull in flight');
    assert.equal(pulls.startPull('kiwi', 'python:3.9', 10_000), 1500);
    assert.equal(pulls.startPull('atlas', 'python:3.9', 10_000), 6000, 'another machine has its own cache');
    pulls.markPulled('atlas', 'redis:7.2', 0);
    assert.equal(pulls.startPull('atlas', 'redis:7.2', 10_000), 1500);
    pulls.forgetWorker('kiwi');
    assert.equal(pulls.startPull('kiwi', 'python:3.9', 20_000), 6000);
    assert.equal(new ImagePulls({ pullMs: 1500, firstPullMs: 6000 }, 0.01).startPull('kiwi', 'x', 0), 60, 'scaled by the time scale');
  });
});
