import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { quirksFor, storedLogAsSent } from '../src/quirks.ts';
import { openSocket, startSim, submitTask, taskStatus, waitFor, wsUrl, type RunningSim } from './helpers.ts';

const FAITHFUL = quirksFor({ wellBehaved: false, gpuWorkers: false });

/** The three places a stored log is sent: /logs, the detail's result, and the log socket's replay. */
async function storedLogEverywhere(env: RunningSim, taskId: string): Promise<{ logs: string; detail: string; replayed: string[] }> {
  const logs = ((await (await fetch(`${env.url}/api/tasks/${taskId}/logs`)).json()) as { logs: string }).logs;
  const detail = ((await (await fetch(`${env.url}/api/tasks/${taskId}`)).json()) as { result: { logs: string } }).result.logs;
  const client = await openSocket(wsUrl(env.url, `/ws/tasks/${taskId}/logs`));
  await client.closed;
  const replayed = client.messages.filter((message) => message.type === 'log').map((message) => message.line as string);
  return { logs, detail, replayed };
}

async function finishedTask(env: RunningSim): Promise<{ taskId: string; full: string }> {
  const taskId = await submitTask(env.url, { command: 'sleep 5; exit 0' });
  await waitFor(async () => (await taskStatus(env.url, taskId)) === 'completed', 5000, 'completed');
  return { taskId, full: env.sim.context.store.results.get(taskId)!.logs };
}

describe('stored logs', () => {
  it('lose the first 8 characters of every longer line wherever they are sent, while the full text is kept', async () => {
    const env = await startSim({ workers: 1 });
    try {
      const { taskId, full } = await finishedTask(env);
      const expected = storedLogAsSent(full, FAITHFUL);
      assert.notEqual(expected, full);
      const { logs, detail, replayed } = await storedLogEverywhere(env, taskId);
      assert.equal(logs, expected);
      assert.equal(detail, expected);
      assert.deepEqual(replayed, expected.split('\n').filter((line) => line !== ''));
      const banner = full.split('\n')[0];
      assert.equal(replayed[0], banner.slice(8));
    } finally {
      await env.dispose();
    }
  });

  it('are sent whole with --well-behaved', async () => {
    const env = await startSim({ workers: 1, wellBehaved: true });
    try {
      const { taskId, full } = await finishedTask(env);
      const { logs, detail, replayed } = await storedLogEverywhere(env, taskId);
      assert.equal(logs, full);
      assert.equal(detail, full);
      assert.deepEqual(replayed, full.split('\n').filter((line) => line !== ''));
    } finally {
      await env.dispose();
    }
  });

  it('keep lines of 8 characters or fewer', () => {
    assert.equal(storedLogAsSent('12345678\n123456789\nshort\n\n[2025-11-18 20:40:28] ok\n', FAITHFUL), '12345678\n9\nshort\n\n-18 20:40:28] ok\n');
    assert.equal(storedLogAsSent('123456789\n', quirksFor({ wellBehaved: true, gpuWorkers: false })), '123456789\n');
  });
});
