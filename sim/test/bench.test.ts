import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulator } from '../src/simulator.ts';
import { DEFAULT_OPTIONS, helpText, parseOptions, UsageError } from '../src/options.ts';
import { Random } from '../src/random.ts';
import { Store } from '../src/store.ts';
import { defaultWorkers } from '../src/worker-profiles.ts';
import type { TaskRecord } from '../src/model.ts';
import { FAST, openSocket, startSim, tempDataDir, waitFor, wsUrl } from './helpers.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function task(id: string): TaskRecord {
  return { task_id: id, docker_image: 'alpine', command: '', user_id: '', cpu_required: 1, memory_required: 1, gpu_required: 0, storage_required: 1, tag: '', k_value: 0, status: 'pending', created_ms: Date.now() };
}

describe('benchmark options', () => {
  it('parses and validates the new flags and variables, defaults unchanged', () => {
    assert.equal(DEFAULT_OPTIONS.preciseTimestamps, false);
    assert.equal(DEFAULT_OPTIONS.seedTasks, 0);
    assert.equal(DEFAULT_OPTIONS.seedRunning, 0);
    assert.equal(DEFAULT_OPTIONS.logLines, 0);
    assert.equal(DEFAULT_OPTIONS.flushMs, 200);
    const parsed = parseOptions(['--precise-timestamps', '--seed-tasks', '100', '--seed-running=10', '--log-lines', '5000', '--flush-ms', '5000'], {});
    assert.ok(!parsed.help);
    assert.deepEqual(
      [parsed.options.preciseTimestamps, parsed.options.seedTasks, parsed.options.seedRunning, parsed.options.logLines, parsed.options.flushMs],
      [true, 100, 10, 5000, 5000],
    );
    const fromEnv = parseOptions([], { SIM_PRECISE_TIMESTAMPS: '1', SIM_SEED_TASKS: '7', SIM_SEED_RUNNING: '2', SIM_LOG_LINES: '3', SIM_FLUSH_MS: '0' });
    assert.ok(!fromEnv.help);
    assert.deepEqual([fromEnv.options.preciseTimestamps, fromEnv.options.seedTasks, fromEnv.options.seedRunning, fromEnv.options.logLines, fromEnv.options.flushMs], [true, 7, 2, 3, 0]);
    const bad: Array<[string[], NodeJS.ProcessEnv, RegExp]> = [
      [['--seed-tasks', '-1'], {}, /--seed-tasks must be a non-negative integer/],
      [['--seed-tasks', '1.5'], {}, /--seed-tasks must be a non-negative integer/],
      [['--seed-tasks', '5', '--seed-running', '6'], {}, /--seed-running \(6\) must not exceed --seed-tasks \(5\)/],
      [['--log-lines', 'many'], {}, /--log-lines must be a number/],
      [['--flush-ms', '-5'], {}, /--flush-ms must be a non-negative integer/],
      [[], { SIM_PRECISE_TIMESTAMPS: 'maybe' }, /SIM_PRECISE_TIMESTAMPS must be 1 or 0/],
    ];
    for (const [argv, env, message] of bad) assert.throws(() => parseOptions(argv, env), (error: unknown) => error instanceof UsageError && message.test(error.message));
    for (const flag of ['--precise-timestamps', 'SIM_PRECISE_TIMESTAMPS', '--seed-tasks', '--seed-running', '--log-lines', '--flush-ms', 'SIM_FLUSH_MS']) assert.ok(helpText().includes(flag), flag);
  });

  it('names 1000 workers uniquely: the named machines, then node-0007 ... node-1000', () => {
    const ids = defaultWorkers(new Random(1), 1000, Date.now()).map((worker) => worker.worker_id);
    assert.equal(new Set(ids).size, 1000);
    assert.deepEqual(ids.slice(0, 8), ['kiwi', 'NullPointer', 'gpu-node-1', 'atlas', 'tensor-box', 'raspberry-7', 'node-0007', 'node-0008']);
    assert.equal(ids[999], 'node-1000');
  });
});

describe('--precise-timestamps', () => {
  it('sends last_update as the send time in fractional seconds everywhere telemetry appears', async () => {
    const running = await startSim({ workers: 3, preciseTimestamps: true });
    try {
      const client = await openSocket(wsUrl(running.url, '/ws/telemetry'));
      const received: Array<{ last_update: number; at: number }> = [];
      client.socket.on('message', (data) => {
        for (const object of Object.values(JSON.parse(data.toString())) as Array<{ last_update: number }>) received.push({ last_update: object.last_update, at: Date.now() });
      });
      await waitFor(() => received.length >= 20, 3000, 'heartbeat frames');
      client.socket.close();
      for (const { last_update, at } of received) {
        assert.equal(Math.round(last_update * 1000) / 1000, last_update, 'millisecond precision');
        assert.ok(at - last_update * 1000 >= -1 && at - last_update * 1000 < 200, `sent ${last_update}, received ${at}`);
      }
      assert.ok(received.some(({ last_update }) => !Number.isInteger(last_update)), 'fractional seconds');
      const worker = running.sim.context.cluster.workers.get('kiwi')!;
      // Between heartbeats every endpoint reports the time of the last frame.
      await waitFor(() => worker.telemetry, 1000, 'telemetry');
      const expected = worker.telemetry!.last_update_ms / 1000;
      const [telemetry, list, detail] = await Promise.all(['/telemetry', '/api/workers', '/api/workers/kiwi'].map(async (path) => (await fetch(`${running.url}${path}`)).json() as Promise<any>));
      const listed = list.workers.find((entry: any) => entry.worker_id === 'kiwi');
      for (const value of [telemetry.kiwi.last_update, listed.last_update, detail.last_update]) {
        assert.ok(Math.abs(value - expected) <= 0.1, `${value} vs ${expected}`);
        assert.equal(Math.round(value * 1000) / 1000, value);
      }
    } finally {
      await running.dispose();
    }
  });

  it('keeps whole seconds by default', async () => {
    const running = await startSim({ workers: 2 });
    try {
      const client = await openSocket(wsUrl(running.url, '/ws/telemetry'));
      await waitFor(() => client.messages.length >= 6, 3000, 'frames');
      client.socket.close();
      for (const message of client.messages) for (const object of Object.values(message) as any[]) assert.ok(Number.isInteger(object.last_update));
    } finally {
      await running.dispose();
    }
  });
});

describe('--seed-tasks / --seed-running', () => {
  it('seeds varied tasks in a fresh directory, keeps allocations consistent and keeps statuses moving', async () => {
    const running = await startSim({ workers: 6, seedTasks: 300, seedRunning: 60, taskRate: 600, seed: 3 });
    try {
      const { cluster, store } = running.sim.context;
      // Checked in-process so tasks and allocations are read at the same instant.
      const runningTasks = store.tasks.filter((candidate) => candidate.status === 'running');
      assert.equal(store.tasks.length, 300);
      assert.ok(runningTasks.length >= 55, `running ${runningTasks.length}`);
      const counts: Record<string, number> = {};
      for (const candidate of store.tasks) counts[candidate.status] = (counts[candidate.status] ?? 0) + 1;
      for (const status of ['completed', 'failed', 'cancelled', 'pending']) assert.ok((counts[status] ?? 0) > 0, `some ${status}: ${JSON.stringify(counts)}`);
      assert.ok(new Set(store.tasks.map((candidate) => candidate.docker_image)).size >= 6);
      assert.ok(new Set(store.tasks.map((candidate) => candidate.tag)).size >= 5);
      const created = store.tasks.map((candidate) => candidate.created_ms);
      assert.ok(Math.max(...created) - Math.min(...created) > 3600_000, 'created over the past hours');
      assert.deepEqual(created, [...created].sort((a, b) => a - b), 'listed oldest first');
      assert.equal(new Set(store.tasks.map((candidate) => candidate.task_id)).size, 300);
      for (const candidate of store.tasks.filter((t) => ['completed', 'failed', 'cancelled'].includes(t.status))) {
        assert.ok(store.results.get(candidate.task_id)?.logs, `logs of ${candidate.task_id}`);
      }
      let allocatedCpu = 0;
      for (const worker of cluster.workers.values()) {
        const used = cluster.allocated(worker.record.worker_id);
        allocatedCpu += used.cpu;
        for (const key of ['cpu', 'memory', 'storage', 'gpu'] as const) assert.ok(used[key] <= cluster.capacityOf(worker)[key] + 1e-9, `${worker.record.worker_id} ${key}`);
      }
      const runningCpu = store.tasks.filter((candidate) => candidate.status === 'running').reduce((sum, candidate) => sum + candidate.cpu_required, 0);
      assert.equal(allocatedCpu, runningCpu);

      // Over HTTP as a dashboard polls it: statuses change between polls.
      const poll = async () => new Map(((await (await fetch(`${running.url}/api/tasks`)).json()) as any).tasks.map((t: any) => [t.task_id, t.status]));
      const before = await poll();
      await sleep(400);
      const after = await poll();
      const changed = [...after].filter(([id, status]) => before.get(id) !== status).length;
      assert.ok(changed >= 5, `changed ${changed}`);
      await waitFor(() => store.tasks.some((candidate) => candidate.created_ms > Date.now() - 2000 && candidate.status !== 'pending'), 3000, 'a generated task started');
    } finally {
      await running.dispose();
    }
  });

  it('seeds only a fresh data directory', async () => {
    const dataDir = tempDataDir();
    try {
      const first = createSimulator({ ...FAST, dataDir, seedTasks: 20, seedRunning: 2 });
      await first.start();
      await first.stop();
      const second = createSimulator({ ...FAST, dataDir, seedTasks: 20, seedRunning: 2 });
      await second.start();
      assert.equal(second.context.store.tasks.length, 20);
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('--log-lines', () => {
  it('replays a long stored log with --log-replay-ms 0 in chunks, without blocking the event loop', async () => {
    const lines = 20_000;
    const running = await startSim({ workers: 2, logLines: lines, logReplayMs: 0 });
    let worstGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
    }, 5);
    try {
      const client = await openSocket(wsUrl(running.url, '/ws/tasks/task-bench-logs/logs'));
      await client.closed;
      clearInterval(ticker);
      const logs = client.messages.filter((message) => message.type === 'log').map((message) => message.line as string);
      assert.equal(logs.length, lines);
      assert.equal(client.messages[0].type, 'connected');
      assert.equal(client.messages.at(-1).type, 'complete');
      assert.ok(logs.some((line) => line.includes('\x1b[')), 'some lines have ANSI colours');
      assert.ok(new Set(logs.map((line) => line.slice(0, 12))).size > 3, 'varied lines');
      assert.match(logs.at(-1)!, /20000 lines/);
      assert.ok(worstGap < 250, `event loop blocked for ${worstGap.toFixed(0)} ms`);
    } finally {
      clearInterval(ticker);
      await running.dispose();
    }
  });

  it('streams the live benchmark task fast to every client that connects', async () => {
    const lines = 3000;
    const running = await startSim({ workers: 2, logLines: lines });
    try {
      const { tasks } = (await (await fetch(`${running.url}/api/tasks?status=running`)).json()) as any;
      assert.ok(tasks.some((listed: { task_id: string }) => listed.task_id === 'task-bench-logs-live'));
      // Seeded as already past its image pull, so it streams from the first connection.
      assert.equal(running.sim.context.cluster.phaseOf(running.sim.context.cluster.findTask('task-bench-logs-live')!), 'running');
      for (let round = 0; round < 2; round++) {
        const started = Date.now();
        const client = await openSocket(wsUrl(running.url, '/ws/tasks/task-bench-logs-live/logs'));
        await waitFor(() => client.messages.filter((message) => message.type === 'log').length >= lines, 5000, 'all live lines');
        assert.ok(Date.now() - started < 3000, 'thousands of lines per second');
        const logs = client.messages.filter((message) => message.type === 'log');
        assert.equal(logs.length, lines);
        assert.match(logs.at(-1).line, /3000 lines/);
        client.socket.close();
      }
      const workerId = running.sim.context.store.assignments.get('task-bench-logs-live')!.worker_id;
      assert.equal(running.sim.context.cluster.allocated(workerId).cpu >= 0.5, true);
    } finally {
      await running.dispose();
    }
  });
});

describe('--flush-ms', () => {
  it('debounces background writes by the given delay and never lets an older background write replace a commit', async () => {
    const dataDir = tempDataDir();
    try {
      const store = new Store(dataDir, 150);
      store.addTask(task('task-1'));
      store.touch('tasks');
      await sleep(60);
      assert.throws(() => readFileSync(join(dataDir, 'tasks.json'), 'utf8'), 'not yet written');
      await waitFor(() => {
        try {
          return readFileSync(join(dataDir, 'tasks.json'), 'utf8').includes('task-1');
        } catch {
          return false;
        }
      }, 2000, 'background write');

      store.addTask(task('task-2'));
      store.touch('tasks');
      (store as unknown as { flushInBackground(): void }).flushInBackground();
      // A commit lands while that background write is on its way: the commit's newer contents must stay.
      store.addTask(task('task-3'));
      store.commit('tasks');
      await sleep(200);
      assert.ok(readFileSync(join(dataDir, 'tasks.json'), 'utf8').includes('task-3'));
      store.flush();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('writes everything pending on stop even with a long delay', async () => {
    const dataDir = tempDataDir();
    try {
      const sim = createSimulator({ ...FAST, dataDir, flushMs: 60_000, seedTasks: 10, seedRunning: 3, taskRate: 6000 });
      await sim.start();
      await waitFor(() => sim.context.store.tasks.length > 12, 3000, 'generated tasks');
      await sim.stop();
      const onDisk = JSON.parse(readFileSync(join(dataDir, 'tasks.json'), 'utf8')) as TaskRecord[];
      assert.equal(onDisk.length, sim.context.store.tasks.length);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
