import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulator } from '../src/simulator.ts';
import type { SimOptions } from '../src/options.ts';
import { FAST, postJson, simTask, submitTask, taskStatus, tempDataDir, waitFor } from './helpers.ts';

/**
 * Leaves a task pending in a fresh data directory (20 cores fit no default worker), restarts on it with a machine
 * that would fit it, and reports what became of the old task next to one submitted after the restart.
 */
async function pendingAcrossRestart(options: Partial<SimOptions>): Promise<{ old: Awaited<ReturnType<typeof simTask>>; fresh: Awaited<ReturnType<typeof simTask>> }> {
  const dataDir = tempDataDir();
  const fits = { cpu_required: 20, command: 'sleep 1000' };
  try {
    const first = createSimulator({ ...FAST, ...options, workers: 1, control: true, dataDir });
    await first.start();
    const oldId = await submitTask(first.url, fits);
    assert.equal((await simTask(first.url, oldId)).phase, 'queued');
    await first.stop();

    const second = createSimulator({ ...FAST, ...options, control: true, dataDir });
    await second.start();
    try {
      assert.equal((await postJson(`${second.url}/__sim/workers`, { worker_id: 'big', cpu: 64, memory: 64, storage: 500 })).status, 201);
      const freshId = await submitTask(second.url, fits);
      // The new task is placed on the new machine, so the scheduler has had its chance at the old one too.
      await waitFor(async () => (await simTask(second.url, freshId)).worker_id === 'big', 3000, 'new task placed');
      if (options.wellBehaved) await waitFor(async () => (await simTask(second.url, oldId)).worker_id === 'big', 3000, 'old task placed');
      return { old: await simTask(second.url, oldId), fresh: await simTask(second.url, freshId) };
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('persistence', () => {
  it('keeps tasks, results, users and workers across an in-process restart', async () => {
    const dataDir = tempDataDir();
    try {
      const first = createSimulator({ ...FAST, workers: 2, dataDir });
      await first.start();
      const doneId = await submitTask(first.url, { command: 'sleep 5; exit 0' });
      await waitFor(async () => (await taskStatus(first.url, doneId)) === 'completed', 5000, 'completed');
      const pendingId = (await (await postJson(`${first.url}/api/tasks`, { docker_image: 'alpine', cpu_required: 1, memory_required: 1 })).json() as { task_id: string }).task_id;
      const runningId = await submitTask(first.url, { command: 'sleep 1000' });
      await waitFor(async () => (await taskStatus(first.url, runningId)) === 'running', 3000, 'running');
      await postJson(`${first.url}/api/auth/register`, { name: 'Ann', email: 'ann@example.com', password: 'secret1' });
      await postJson(`${first.url}/api/workers`, { worker_id: 'late-joiner', worker_ip: '10.9.9.9:50052' });
      // Acknowledged before stop, so already on disk.
      assert.ok(readFileSync(join(dataDir, 'tasks.json'), 'utf8').includes(pendingId));
      await first.stop();

      const second = createSimulator({ ...FAST, workers: 5, dataDir });
      await second.start();
      try {
        assert.equal(await taskStatus(second.url, doneId), 'completed');
        assert.equal(await taskStatus(second.url, pendingId), 'pending');
        // Containers do not survive a restart: the running task is failed with a reason in its logs.
        const interrupted = (await (await fetch(`${second.url}/api/tasks/${runningId}`)).json()) as any;
        assert.equal(interrupted.status, 'failed');
        assert.match(interrupted.result.logs, /simulator restarted/);
        const detail = (await (await fetch(`${second.url}/api/tasks/${doneId}`)).json()) as any;
        assert.equal(detail.result.status, 'success');
        const login = (await (await postJson(`${second.url}/api/auth/login`, { email: 'ann@example.com', password: 'secret1' })).json()) as any;
        assert.equal(login.success, true);
        const ids = [...second.context.cluster.workers.keys()].sort();
        assert.deepEqual(ids, ['NullPointer', 'kiwi', 'late-joiner'], 'the registry wins over --workers');
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('never queues a pending task from before the restart: it stays pending, unqueued', async () => {
    const { old, fresh } = await pendingAcrossRestart({});
    assert.equal(fresh.status, 'running');
    assert.deepEqual([old.status, old.phase, old.worker_id], ['pending', 'unqueued', null]);
  });

  it('queues pending tasks again after a restart with --well-behaved', async () => {
    const { old } = await pendingAcrossRestart({ wellBehaved: true });
    assert.equal(old.status, 'running');
    assert.equal(old.worker_id, 'big');
  });

  it('survives SIGTERM of the real process and keeps pending tasks pending', async () => {
    const dataDir = tempDataDir();
    const launch = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'sim/src/main.ts', '--port', '0', '--data-dir', dataDir, '--workers', '1', '--heartbeat-ms', '50', '--time-scale', '0.01', '--task-rate', '0', '--dropout', '0'], {
        cwd: join(import.meta.dirname, '..', '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const url = new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`simulator exited early with ${code}`)));
      });
      return { child, url };
    };
    const exitCode = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const first = launch();
      const firstUrl = await first.url;
      // 64 cores fit no worker, so the task stays pending until restart.
      const response = await postJson(`${firstUrl}/api/tasks`, { docker_image: 'alpine', cpu_required: 64, memory_required: 1, storage_required: 1 });
      const { task_id: taskId } = (await response.json()) as { task_id: string };
      const exited = exitCode(first.child);
      first.child.kill('SIGTERM');
      assert.equal(await exited, 0);

      const second = launch();
      try {
        const secondUrl = await second.url;
        assert.equal(await taskStatus(secondUrl, taskId), 'pending');
        const { workers } = (await (await fetch(`${secondUrl}/api/workers`)).json()) as any;
        assert.equal(workers[0].worker_id, 'kiwi');
      } finally {
        const exitedAgain = exitCode(second.child);
        second.child.kill('SIGTERM');
        assert.equal(await exitedAgain, 0);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
