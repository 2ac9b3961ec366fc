import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSocket, postJson, simTask, startSim, submitTask, waitFor, waitForPhase, wsUrl } from './helpers.ts';

async function worker(url: string, id: string): Promise<any> {
  const { workers } = (await (await fetch(`${url}/api/workers`)).json()) as any;
  return workers?.find((entry: { worker_id: string }) => entry.worker_id === id);
}

describe('control API', () => {
  it('pauses a worker until it goes inactive, then resumes it', async () => {
    const env = await startSim({ workers: 2, control: true });
    try {
      await waitFor(async () => (await worker(env.url, 'kiwi'))?.is_active, 2000, 'kiwi active');
      const paused = await postJson(`${env.url}/__sim/workers/kiwi/pause`, {});
      assert.deepEqual(await paused.json(), { worker_id: 'kiwi', paused: true });
      // 30 s scaled by 0.01.
      await waitFor(async () => (await worker(env.url, 'kiwi'))?.is_active === false, 2000, 'kiwi inactive');
      assert.equal((await worker(env.url, 'NullPointer')).is_active, true);
      const metrics = (await (await fetch(`${env.url}/api/workers/kiwi/metrics`)).json()) as any;
      assert.equal(metrics.is_active, false);
      await postJson(`${env.url}/__sim/workers/kiwi/resume`, {});
      await waitFor(async () => (await worker(env.url, 'kiwi'))?.is_active, 2000, 'kiwi active again');
    } finally {
      await env.dispose();
    }
  });

  it('counts the requests it answered by route, leaving its own control API out', async () => {
    const env = await startSim({ workers: 1, control: true });
    try {
      await fetch(`${env.url}/api/tasks`);
      await fetch(`${env.url}/api/tasks?user_id=alice`);
      await fetch(`${env.url}/api/tasks/no-such-task`);
      await fetch(`${env.url}/api/workers`);
      const state = (await (await fetch(`${env.url}/__sim/state`)).json()) as any;
      assert.equal(state.requests['GET /api/tasks'], 2);
      assert.equal(state.requests['GET /api/workers'], 1);
      assert.equal(Object.keys(state.requests).filter((key) => key.includes('__sim')).length, 0);
    } finally {
      await env.dispose();
    }
  });

  it('adds and removes workers, changes the task rate, closes sockets and reports state', async () => {
    const env = await startSim({ workers: 1, control: true, gpuWorkers: true });
    try {
      const added = await postJson(`${env.url}/__sim/workers`, { worker_id: 'big-gpu', cpu: 64, memory: 256, storage: 900, gpu: 8 });
      assert.equal(added.status, 201);
      await waitFor(async () => (await worker(env.url, 'big-gpu'))?.total_resources.gpu === 8, 2000, 'big-gpu heartbeating');
      assert.equal((await postJson(`${env.url}/__sim/workers`, { worker_id: 'big-gpu' })).status, 409);

      const client = await openSocket(wsUrl(env.url, '/ws/telemetry'));
      const closed = await postJson(`${env.url}/__sim/sockets/close`, {});
      assert.equal(((await closed.json()) as any).closed, 1);
      assert.equal((await client.closed).code, 1006);

      assert.equal((await fetch(`${env.url}/__sim/workers/big-gpu`, { method: 'DELETE' })).status, 200);
      assert.equal(await worker(env.url, 'big-gpu'), undefined);

      const rate = await postJson(`${env.url}/__sim/task-rate`, { per_minute: 600 });
      assert.deepEqual(await rate.json(), { per_minute: 600 });
      await waitFor(async () => ((await (await fetch(`${env.url}/api/tasks`)).json()) as any).tasks.length > 0, 3000, 'generated task');
      await postJson(`${env.url}/__sim/task-rate`, { per_minute: 0 });
      const generated = ((await (await fetch(`${env.url}/api/tasks`)).json()) as any).tasks[0];
      assert.ok(['cpu-light', 'cpu-heavy', 'memory-heavy', 'gpu-inference', 'gpu-training', 'mixed'].includes(generated.tag));
      assert.equal((await postJson(`${env.url}/__sim/task-rate`, { per_minute: 'x' })).status, 400);

      const state = (await (await fetch(`${env.url}/__sim/state`)).json()) as any;
      assert.equal(state.task_rate_per_minute, 0);
      assert.deepEqual(state.workers.map((entry: { worker_id: string }) => entry.worker_id), ['kiwi']);
    } finally {
      await env.dispose();
    }
  });

  it('tells where a task is and how many log sockets it has had', async () => {
    // Scaled by 0.01: a first pull of 500 ms, long enough to see.
    const env = await startSim({ workers: 1, control: true, firstPullMs: 50_000 });
    try {
      const waiting = await submitTask(env.url, { cpu_required: 64 });
      assert.deepEqual(await simTask(env.url, waiting), {
        task_id: waiting,
        status: 'pending',
        phase: 'queued',
        worker_id: null,
        log_sockets: 0,
        log_sockets_opened: 0,
      });

      const taskId = await submitTask(env.url, { command: 'sleep 30; exit 0' });
      const pulling = await waitForPhase(env.url, taskId, 'pulling');
      assert.deepEqual([pulling.status, pulling.worker_id], ['running', 'kiwi']);
      await waitForPhase(env.url, taskId, 'running', 2000);
      const first = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
      const second = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}`));
      assert.deepEqual(
        [(await simTask(env.url, taskId)).log_sockets, (await simTask(env.url, taskId)).log_sockets_opened],
        [2, 2],
      );
      first.socket.close();
      await waitFor(async () => (await simTask(env.url, taskId)).log_sockets === 1, 2000, 'one socket left');
      assert.equal((await simTask(env.url, taskId)).log_sockets_opened, 2, 'closed sockets still count as opened');

      await second.closed;
      const finished = await waitForPhase(env.url, taskId, 'finished');
      assert.deepEqual([finished.status, finished.log_sockets, finished.log_sockets_opened], ['completed', 0, 2]);

      const unknown = await fetch(`${env.url}/__sim/tasks/task-404`);
      assert.equal(unknown.status, 404);
      assert.deepEqual(await unknown.json(), { error: 'task task-404 not found' });
    } finally {
      await env.dispose();
    }
  });

  it('reports the lock, the quirks, the database and the clock offset in the state', async () => {
    const faithful = await startSim({ workers: 0, control: true, clockOffsetMs: -1500 });
    const tidy = await startSim({ workers: 0, control: true, wellBehaved: true, database: false });
    try {
      const state = (await (await fetch(`${faithful.url}/__sim/state`)).json()) as any;
      assert.equal(state.lock_held, false);
      assert.equal(state.no_db, false);
      assert.equal(state.clock_offset_ms, -1500);
      assert.deepEqual(state.quirks, {
        crashing_handlers: true,
        image_pulls: true,
        stream_status_writes: true,
        locking_cancel: true,
        forgets_queue_on_restart: true,
        no_gpus: true,
        truncated_stored_logs: true,
      });
      const tidyState = (await (await fetch(`${tidy.url}/__sim/state`)).json()) as any;
      assert.deepEqual(Object.values(tidyState.quirks), [false, false, false, false, false, false, false]);
      assert.deepEqual([tidyState.no_db, tidyState.well_behaved, tidyState.auth, tidyState.clock_offset_ms], [true, true, false, 0]);
    } finally {
      await faithful.dispose();
      await tidy.dispose();
    }
  });

  it('does not exist without --control', async () => {
    const env = await startSim({ workers: 1 });
    try {
      const response = await postJson(`${env.url}/__sim/workers/kiwi/pause`, {});
      assert.equal(response.status, 404);
      assert.equal(await response.text(), '404 page not found\n');
      assert.equal((await fetch(`${env.url}/__sim/state`)).status, 404);
      assert.equal((await fetch(`${env.url}/__sim/tasks/task-1`)).status, 404);
      assert.equal((await postJson(`${env.url}/__sim/pull`, { pull_ms: 1 })).status, 404);
    } finally {
      await env.dispose();
    }
  });

  it('stalls the open telemetry sockets: they stay open and get nothing more, while new ones get frames', async () => {
    const env = await startSim({ workers: 1, control: true });
    try {
      const stalled = await openSocket(wsUrl(env.url, '/ws/telemetry'));
      await waitFor(() => stalled.messages.length > 0, 2000, 'the snapshot');
      const answer = await postJson(`${env.url}/__sim/telemetry/stall`, {});
      assert.deepEqual(await answer.json(), { stalled: 1 });
      const received = stalled.messages.length;

      const fresh = await openSocket(wsUrl(env.url, '/ws/telemetry'));
      await waitFor(() => fresh.messages.length >= 3, 3000, 'heartbeats on a new socket');
      const state = (await (await fetch(`${env.url}/__sim/state`)).json()) as { sockets: Record<string, number> };
      assert.deepEqual([state.sockets['telemetry'], state.sockets['telemetry_opened']], [2, 2]);
      assert.equal(stalled.messages.length, received);
      assert.equal(stalled.socket.readyState, stalled.socket.OPEN);
      stalled.socket.terminate();
      fresh.socket.terminate();
    } finally {
      await env.dispose();
    }
  });
});
