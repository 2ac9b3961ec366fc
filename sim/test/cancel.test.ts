import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSocket, postJson, simTask, startSim, submitTask, taskStatus, waitFor, waitForContainer, wsUrl, type RunningSim } from './helpers.ts';

/** Below the 300 ms scaled inactivity timeout, so no worker goes inactive while heartbeats are held. */
const CANCEL_DELAY_MS = 250;

interface TimedResponse {
  status: number;
  body: unknown;
  at: number;
}

function cancelTask(url: string, taskId: string): Promise<TimedResponse> {
  return fetch(`${url}/api/tasks/${taskId}`, { method: 'DELETE' }).then(async (response) => ({
    status: response.status,
    body: await response.json(),
    at: Date.now(),
  }));
}

async function lockHeld(url: string): Promise<boolean> {
  return ((await (await fetch(`${url}/__sim/state`)).json()) as { lock_held: boolean }).lock_held;
}

describe('cancel, as the real master does it', () => {
  let env: RunningSim;
  before(async () => {
    env = await startSim({ workers: 2, control: true, cancelDelayMs: CANCEL_DELAY_MS, preciseTimestamps: true });
  });
  after(() => env.dispose());

  it('leaves a pending task pending and queued, answers at once, and the task still runs later', async () => {
    // Fits neither kiwi (12 cores) nor NullPointer (8) until a bigger machine joins.
    const taskId = await submitTask(env.url, { cpu_required: 20, command: 'sleep 1000' });
    const started = Date.now();
    const answer = await cancelTask(env.url, taskId);
    assert.ok(answer.at - started < CANCEL_DELAY_MS - 50, `answered after ${answer.at - started} ms`);
    assert.deepEqual(answer.body, { task_id: taskId, status: 'cancelled', message: 'Task cancellation requested' });
    assert.deepEqual([await taskStatus(env.url, taskId), (await simTask(env.url, taskId)).phase], ['pending', 'queued']);
    assert.equal((await postJson(`${env.url}/__sim/workers`, { worker_id: 'big', cpu: 64, memory: 64, storage: 500 })).status, 201);
    await waitFor(async () => (await simTask(env.url, taskId)).worker_id === 'big', 3000, 'placed on the new machine');
    assert.equal(await taskStatus(env.url, taskId), 'running');
    await cancelTask(env.url, taskId);
    assert.equal((await fetch(`${env.url}/__sim/workers/big`, { method: 'DELETE' })).status, 200);
  });

  it('overwrites a finished task with cancelled at once and keeps its result', async () => {
    const taskId = await submitTask(env.url, { command: 'sleep 5; exit 0' });
    await waitFor(async () => (await taskStatus(env.url, taskId)) === 'completed', 5000, 'completed');
    const started = Date.now();
    const answer = await cancelTask(env.url, taskId);
    assert.ok(answer.at - started < CANCEL_DELAY_MS - 50, `answered after ${answer.at - started} ms`);
    assert.equal(answer.status, 200);
    const detail = (await (await fetch(`${env.url}/api/tasks/${taskId}`)).json()) as any;
    assert.equal(detail.status, 'cancelled');
    assert.equal(detail.result.status, 'success');
  });

  it('marks a running task cancelled first and answers once the worker has stopped the container', async () => {
    const taskId = await submitTask(env.url, { command: 'sleep 100000' });
    await waitForContainer(env, taskId);
    const started = Date.now();
    const answer = cancelTask(env.url, taskId);
    await waitFor(async () => (await taskStatus(env.url, taskId)) === 'cancelled', 1000, 'cancelled before the answer');
    assert.equal(await lockHeld(env.url), true);
    assert.equal((await simTask(env.url, taskId)).phase, 'running', 'the container is still being stopped');
    const { status, at } = await answer;
    assert.equal(status, 200);
    assert.ok(at - started >= CANCEL_DELAY_MS, `answered after ${at - started} ms`);
    assert.equal(await lockHeld(env.url), false);
    const detail = (await (await fetch(`${env.url}/api/tasks/${taskId}`)).json()) as any;
    assert.equal(detail.result.status, 'cancelled');
    assert.equal((await simTask(env.url, taskId)).phase, 'finished');
  });

  it('holds the master lock: cancels wait for each other, nothing is scheduled, heartbeats wait and then arrive', async () => {
    const [first, second] = [await submitTask(env.url, { command: 'sleep 100000' }), await submitTask(env.url, { command: 'sleep 100000' })];
    await waitForContainer(env, first);
    await waitForContainer(env, second);
    const telemetry = await openSocket(wsUrl(env.url, '/ws/telemetry'));
    const beats: Array<{ worker: string; at: number }> = [];
    telemetry.socket.on('message', (data) => {
      for (const [worker, object] of Object.entries(JSON.parse(data.toString()) as Record<string, { last_update: number }>)) {
        beats.push({ worker, at: object.last_update * 1000 });
      }
    });

    const started = Date.now();
    const firstAnswer = cancelTask(env.url, first);
    await waitFor(() => lockHeld(env.url), 1000, 'lock taken');
    const secondAnswer = cancelTask(env.url, second);
    const queuedMeanwhile = await submitTask(env.url, { command: 'sleep 100000' });
    assert.equal(await taskStatus(env.url, second), 'running', 'the second cancel has not started');
    assert.equal((await simTask(env.url, queuedMeanwhile)).phase, 'queued');

    const firstDone = (await firstAnswer).at;
    const secondDone = (await secondAnswer).at;
    telemetry.socket.close();
    assert.ok(firstDone - started >= CANCEL_DELAY_MS, `first answered after ${firstDone - started} ms`);
    assert.ok(secondDone - started >= 2 * CANCEL_DELAY_MS, `second answered after ${secondDone - started} ms`);
    assert.equal(await taskStatus(env.url, second), 'cancelled');
    await waitFor(async () => (await simTask(env.url, queuedMeanwhile)).phase !== 'queued', 2000, 'placed after the lock');

    // Under the lock a frame goes out only at the moment it is released between the two cancels, one per worker.
    const underLock = beats.filter(({ at }) => at > started + 20 && at < secondDone - 20);
    const atRelease = underLock.filter(({ at }) => at >= started + CANCEL_DELAY_MS - 5 && at <= firstDone + 1);
    assert.deepEqual(underLock, atRelease, `frames while the lock was held: ${JSON.stringify(underLock.map(({ at }) => at - started))}`);
    assert.deepEqual(atRelease.map(({ worker }) => worker).sort(), ['NullPointer', 'kiwi']);
    // The held beats of the second cancel arrive when it lets go, stamped with that moment.
    const afterSecond = beats.filter(({ at }) => at >= started + 2 * CANCEL_DELAY_MS - 5 && at <= secondDone + 1);
    assert.deepEqual([...new Set(afterSecond.map(({ worker }) => worker))].sort(), ['NullPointer', 'kiwi']);
    await cancelTask(env.url, queuedMeanwhile);
  });
});

describe('cancel, --well-behaved', () => {
  let env: RunningSim;
  before(async () => {
    env = await startSim({ workers: 2, control: true, cancelDelayMs: CANCEL_DELAY_MS, preciseTimestamps: true, wellBehaved: true });
  });
  after(() => env.dispose());

  it('leaves finished and pending tasks alone', async () => {
    const doneId = await submitTask(env.url, { command: 'sleep 5; exit 0' });
    await waitFor(async () => (await taskStatus(env.url, doneId)) === 'completed', 5000, 'completed');
    assert.equal((await cancelTask(env.url, doneId)).status, 200);
    assert.equal(await taskStatus(env.url, doneId), 'completed');
    const pendingId = await submitTask(env.url, { cpu_required: 20 });
    assert.equal((await cancelTask(env.url, pendingId)).status, 200);
    assert.equal(await taskStatus(env.url, pendingId), 'pending');
  });

  it('stops two containers side by side, with heartbeats going on meanwhile', async () => {
    const [first, second] = [await submitTask(env.url, { command: 'sleep 100000' }), await submitTask(env.url, { command: 'sleep 100000' })];
    await waitForContainer(env, first);
    await waitForContainer(env, second);
    const telemetry = await openSocket(wsUrl(env.url, '/ws/telemetry'));
    const started = Date.now();
    const answers = await Promise.all([cancelTask(env.url, first), cancelTask(env.url, second)]);
    telemetry.socket.close();
    for (const { at } of answers) assert.ok(at - started < 2 * CANCEL_DELAY_MS - 50, `answered after ${at - started} ms`);
    assert.equal(await lockHeld(env.url), false);
    const during = telemetry.messages.flatMap((message) => Object.values(message) as Array<{ last_update: number }>).filter(({ last_update }) => last_update * 1000 > started + 20 && last_update * 1000 < started + CANCEL_DELAY_MS - 20);
    assert.ok(during.length >= 4, `${during.length} heartbeats while the containers were stopped`);
  });
});
