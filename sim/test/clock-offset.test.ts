import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSocket, startSim, submitTask, taskStatus, waitFor, wsUrl } from './helpers.ts';

const OFFSET_MS = -3 * 3600_000;

/** The file listing's local wall-clock format. */
function localTimestamp(ms: number): string {
  const date = new Date(Math.floor(ms / 1000) * 1000);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

describe('--clock-offset-ms', () => {
  it('shifts every timestamp the master sends, and nothing it does', async () => {
    const env = await startSim({ workers: 1, clockOffsetMs: OFFSET_MS });
    try {
      const taskId = await submitTask(env.url, { command: 'sleep 5; exit 0', user_id: 'ann' });
      await waitFor(async () => (await taskStatus(env.url, taskId)) === 'completed', 5000, 'completed on the real clock');
      const shiftedNow = (Date.now() + OFFSET_MS) / 1000;
      const near = (value: number, what: string, slackS = 3) => assert.ok(Math.abs(value - shiftedNow) <= slackS, `${what}: ${value} vs ${shiftedNow}`);
      const get = async (path: string) => (await fetch(`${env.url}${path}`)).json() as Promise<any>;

      near((await get('/health')).time, '/health time');
      near((await get('/telemetry')).kiwi.last_update, '/telemetry');
      near((await get('/telemetry/kiwi')).last_update, '/telemetry/kiwi');
      near((await get('/workers')).kiwi.last_update, '/workers');
      const listed = (await get('/api/workers')).workers[0];
      for (const field of ['last_update', 'last_heartbeat', 'registered_at']) near(listed[field], `/api/workers ${field}`);
      const detail = await get('/api/workers/kiwi');
      for (const value of [detail.last_update, detail.worker_info.registered_at, detail.worker_info.last_heartbeat]) near(value, '/api/workers/kiwi');
      const metrics = await get('/api/workers/kiwi/metrics');
      near(metrics.last_update, 'metrics last_update');
      near(metrics.timestamp, 'metrics timestamp');
      near((await get('/api/workers/kiwi/tasks')).tasks[0].assigned_at, 'assigned_at');
      near((await get('/api/tasks')).tasks[0].created_at, 'created_at');
      const task = await get(`/api/tasks/${taskId}`);
      for (const value of [task.created_at, task.assignment.assigned_at, task.result.completed_at]) near(value, 'task detail');
      near((await get(`/api/tasks/${taskId}/logs`)).completed_at, 'logs completed_at');
      const files = await get('/api/files?requesting_user=ann&user_id=ann');
      assert.equal(files.tasks[0].timestamp, localTimestamp(env.sim.context.store.findTask(taskId)!.created_ms + OFFSET_MS));

      const client = await openSocket(wsUrl(env.url, '/ws/telemetry'));
      await waitFor(() => client.messages.length >= 2, 2000, 'telemetry frames');
      client.socket.close();
      for (const message of client.messages) near(message.kiwi.last_update, 'telemetry frame');
    } finally {
      await env.dispose();
    }
  });

  it('shifts precise telemetry timestamps too', async () => {
    const env = await startSim({ workers: 1, clockOffsetMs: 90_000, preciseTimestamps: true });
    try {
      const client = await openSocket(wsUrl(env.url, '/ws/telemetry'));
      const received: number[] = [];
      client.socket.on('message', (data) => received.push(Date.now() + 90_000 - (JSON.parse(data.toString()) as any).kiwi?.last_update * 1000));
      await waitFor(() => received.length >= 5, 2000, 'frames');
      client.socket.close();
      for (const lag of received.slice(1)) assert.ok(lag >= -1 && lag < 200, `frame ${lag} ms behind the shifted clock`);
    } finally {
      await env.dispose();
    }
  });
});
