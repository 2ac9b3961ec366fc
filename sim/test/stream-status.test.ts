import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSocket, postJson, simTask, startSim, submitTask, taskStatus, waitFor, waitForContainer, wsUrl, type RunningSim } from './helpers.ts';

/** 1000 s scaled by 0.01: after the banner the container prints nothing for many seconds, so only the test makes lines. */
const QUIET_TASK = { command: 'sleep 100000' };

async function cancel(url: string, taskId: string): Promise<void> {
  assert.equal((await fetch(`${url}/api/tasks/${taskId}`, { method: 'DELETE' })).status, 200);
}

describe('status written by a live log stream', () => {
  let env: RunningSim;
  before(async () => {
    env = await startSim({ workers: 1, control: true, cancelDelayMs: 50 });
  });
  after(() => env.dispose());

  it('turns cancelled into failed when a stream is open while the container is stopped', async () => {
    const taskId = await submitTask(env.url, QUIET_TASK);
    await waitForContainer(env, taskId);
    const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
    await cancel(env.url, taskId);
    assert.equal((await client.closed).code, 1006);
    assert.deepEqual(client.messages.at(-1), { type: 'complete', task_id: taskId, status: 'failed', message: 'Task completed with status: failed' });
    assert.equal(await taskStatus(env.url, taskId), 'failed');
    const detail = (await (await fetch(`${env.url}/api/tasks/${taskId}`)).json()) as any;
    assert.equal(detail.result.status, 'cancelled', 'the stored result still says what happened');
  });

  it('still writes the final status when the client left and no line came since', async () => {
    const taskId = await submitTask(env.url, QUIET_TASK);
    await waitForContainer(env, taskId);
    const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
    client.socket.close();
    await waitFor(async () => (await simTask(env.url, taskId)).log_sockets === 0, 2000, 'socket closed');
    await cancel(env.url, taskId);
    assert.equal(await taskStatus(env.url, taskId), 'failed');
  });

  it('notices a client that left at the next line and lets go of the stream without writing anything', async () => {
    const taskId = await submitTask(env.url, QUIET_TASK);
    await waitForContainer(env, taskId);
    const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
    client.socket.close();
    await waitFor(async () => (await simTask(env.url, taskId)).log_sockets === 0, 2000, 'socket closed');
    env.sim.context.cluster.liveRun(taskId)!.print('one more line');
    await cancel(env.url, taskId);
    assert.equal(await taskStatus(env.url, taskId), 'cancelled');
  });

  it('keeps cancelled when a later completion report says failed', async () => {
    const slow = await startSim({ workers: 1, control: true, cancelDelayMs: 600 });
    try {
      const taskId = await submitTask(slow.url, QUIET_TASK);
      await waitForContainer(slow, taskId);
      const cancelled = fetch(`${slow.url}/api/tasks/${taskId}`, { method: 'DELETE' });
      await waitFor(async () => (await taskStatus(slow.url, taskId)) === 'cancelled', 1000, 'cancelled');
      // The worker dies while stopping the container and reports the task failed.
      assert.equal((await fetch(`${slow.url}/__sim/workers/kiwi`, { method: 'DELETE' })).status, 200);
      assert.equal(slow.sim.context.store.results.get(taskId)!.status, 'failed');
      assert.equal(await taskStatus(slow.url, taskId), 'cancelled');
      assert.equal((await cancelled).status, 200);
    } finally {
      await slow.dispose();
    }
  });
});

describe('live log streams, --well-behaved', () => {
  it('never write a status into the task', async () => {
    const env = await startSim({ workers: 1, control: true, cancelDelayMs: 50, wellBehaved: true });
    try {
      const taskId = await submitTask(env.url, QUIET_TASK);
      await waitForContainer(env, taskId);
      const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
      await cancel(env.url, taskId);
      await client.closed;
      assert.equal(client.messages.at(-1).status, 'failed', 'the worker still reports the stopped container as failed');
      assert.equal(await taskStatus(env.url, taskId), 'cancelled');
      assert.equal((await postJson(`${env.url}/__sim/tasks/${taskId}/log-sockets/drop`, {})).status, 200);
    } finally {
      await env.dispose();
    }
  });
});
