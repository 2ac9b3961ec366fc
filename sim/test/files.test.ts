import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { postJson, startSim, submitTask, taskStatus, tempDataDir, waitFor, type RunningSim } from './helpers.ts';

interface FileEntry {
  path: string;
  size: number;
}

interface TaskFiles {
  task_id: string;
  task_name: string;
  timestamp: string;
  files: FileEntry[];
  total_size: number;
}

const as = (requestingUser: string, userId: string) => `requesting_user=${encodeURIComponent(requestingUser)}&user_id=${encodeURIComponent(userId)}`;

async function finished(url: string, fields: Record<string, unknown>, status: 'completed' | 'failed'): Promise<string> {
  const taskId = await submitTask(url, fields);
  await waitFor(async () => (await taskStatus(url, taskId)) === status, 5000, status);
  return taskId;
}

/** The master's file timestamp for a unix-seconds submit time: local wall clock, no zone. */
function localTimestamp(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

async function createdAt(url: string, taskId: string): Promise<number> {
  return ((await (await fetch(`${url}/api/tasks/${taskId}`)).json()) as { created_at: number }).created_at;
}

/** Sends the path exactly as written: fetch would resolve `..` segments before they reach the server. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'GET', path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function expectText(response: Response, status: number, text: string): Promise<void> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(await response.text(), `${text}\n`);
}

describe('task output files', () => {
  let env: RunningSim;
  let completedId: string;
  let failedId: string;
  let slashedId: string;
  let bobsId: string;
  let cancelledId: string;
  let runningId: string;
  let pendingId: string;

  before(async () => {
    env = await startSim({ workers: 3 });
    [completedId, failedId, slashedId, bobsId] = await Promise.all([
      finished(env.url, { user_id: 'alice', docker_image: 'python:3.9', command: 'sleep 5; exit 0' }, 'completed'),
      finished(env.url, { user_id: 'alice', docker_image: 'alpine:3.19', command: 'sleep 5; exit 3' }, 'failed'),
      finished(env.url, { user_id: 'alice', docker_image: 'nvidia/cuda:11.8', command: 'sleep 5; exit 0' }, 'completed'),
      finished(env.url, { user_id: 'bob', docker_image: 'python:3.9', command: 'sleep 5; exit 0' }, 'completed'),
    ]);
    cancelledId = await submitTask(env.url, { user_id: 'alice', command: 'sleep 1000' });
    runningId = await submitTask(env.url, { user_id: 'alice', command: 'sleep 1000' });
    await waitFor(async () => (await taskStatus(env.url, cancelledId)) === 'running' && (await taskStatus(env.url, runningId)) === 'running', 3000, 'running');
    await fetch(`${env.url}/api/tasks/${cancelledId}`, { method: 'DELETE' });
    assert.equal(await taskStatus(env.url, cancelledId), 'cancelled');
    // No worker has the 1024 GB an omitted storage_required asks for.
    const pending = await postJson(`${env.url}/api/tasks`, { user_id: 'alice', docker_image: 'alpine', cpu_required: 1, memory_required: 1 });
    pendingId = ((await pending.json()) as { task_id: string }).task_id;
  });
  after(() => env.dispose());

  it('lists a user\'s finished tasks in directory-walk order, in the master\'s shape', async () => {
    const response = await fetch(`${env.url}/api/files?${as('alice', 'alice')}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:3000');
    const text = await response.text();
    assert.ok(text.startsWith('{"user_id":"alice","tasks":[{"task_id":'), 'struct field order, not alphabetical');
    assert.ok(text.endsWith('"count":2}\n'));
    const body = JSON.parse(text) as { user_id: string; tasks: TaskFiles[]; count: number };
    // Sorted by task_name first: alpine:3.19 before python:3.9, whatever the submit order.
    assert.deepEqual(body.tasks.map((task) => task.task_id), [failedId, completedId]);
    const [failed, completed] = body.tasks;
    assert.equal(completed.task_name, 'python:3.9');
    assert.equal(completed.timestamp, localTimestamp(await createdAt(env.url, completedId)));
    assert.deepEqual(completed.files.map((file) => file.path), ['metrics/run.json', 'summary.csv']);
    assert.ok(completed.files.every((file) => file.size > 0));
    assert.equal(completed.total_size, completed.files[0].size + completed.files[1].size);
    assert.equal(failed.task_name, 'alpine:3.19');
    assert.deepEqual(failed.files.map((file) => file.path), ['metrics/run.json']);
    assert.equal(failed.total_size, failed.files[0].size);
  });

  it('answers an empty list as [] with count 0', async () => {
    assert.equal(await (await fetch(`${env.url}/api/files?${as('carol', 'carol')}`)).text(), '{"user_id":"carol","tasks":[],"count":0}\n');
  });

  it('gives one task\'s files by id, the same entry as in the list', async () => {
    const list = (await (await fetch(`${env.url}/api/files?${as('alice', 'alice')}`)).json()) as { tasks: TaskFiles[] };
    const response = await fetch(`${env.url}/api/files/${completedId}?${as('alice', 'alice')}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json');
    const text = await response.text();
    assert.ok(text.startsWith(`{"task_id":"${completedId}","task_name":"python:3.9","timestamp":`));
    assert.deepEqual(JSON.parse(text), list.tasks.find((task) => task.task_id === completedId));
  });

  it('downloads raw bytes with attachment headers, nested paths included, the same every time', async () => {
    const detail = (await (await fetch(`${env.url}/api/files/${completedId}?${as('alice', 'alice')}`)).json()) as TaskFiles;
    const sizes = new Map(detail.files.map((file) => [file.path, file.size]));

    const csv = await fetch(`${env.url}/api/files/${completedId}/download/summary.csv?${as('alice', 'alice')}`);
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('content-type'), 'application/octet-stream');
    assert.equal(csv.headers.get('content-disposition'), 'attachment; filename="summary.csv"');
    assert.equal(csv.headers.get('content-length'), String(sizes.get('summary.csv')));
    const csvBytes = Buffer.from(await csv.arrayBuffer());
    assert.equal(csvBytes.length, sizes.get('summary.csv'));
    const rows = csvBytes.toString('utf8').trimEnd().split('\n');
    assert.equal(rows[0], 'step,loss,accuracy,seconds');
    assert.ok(rows.length >= 4 && rows.slice(1).every((row) => /^\d+,\d+\.\d{4},\d\.\d{4},\d+\.\d$/.test(row)), rows.join('\n'));

    const run = await fetch(`${env.url}/api/files/${completedId}/download/metrics/run.json?${as('alice', 'alice')}`);
    assert.equal(run.status, 200);
    assert.equal(run.headers.get('content-disposition'), 'attachment; filename="run.json"');
    const runBytes = Buffer.from(await run.arrayBuffer());
    assert.equal(runBytes.length, sizes.get('metrics/run.json'));
    const metrics = JSON.parse(runBytes.toString('utf8')) as { task_id: string; exit_code: number; submitted_at: number };
    assert.equal(metrics.task_id, completedId);
    assert.equal(metrics.exit_code, 0);
    assert.equal(metrics.submitted_at, await createdAt(env.url, completedId));

    const again = Buffer.from(await (await fetch(`${env.url}/api/files/${completedId}/download/summary.csv?${as('alice', 'alice')}`)).arrayBuffer());
    assert.deepEqual(again, csvBytes);
  });

  it('records the exit code of a failed task in its only file', async () => {
    const run = await fetch(`${env.url}/api/files/${failedId}/download/metrics/run.json?${as('alice', 'alice')}`);
    assert.equal(((await run.json()) as { exit_code: number }).exit_code, 3);
    await expectText(await fetch(`${env.url}/api/files/${failedId}/download/summary.csv?${as('alice', 'alice')}`), 404, `file summary.csv not found in task ${failedId}`);
  });

  it('has no files for pending, running and cancelled tasks', async () => {
    for (const taskId of [pendingId, runningId, cancelledId]) {
      await expectText(await fetch(`${env.url}/api/files/${taskId}?${as('alice', 'alice')}`), 404, `task ${taskId} not found for user alice`);
      await expectText(await fetch(`${env.url}/api/files/${taskId}/download/summary.csv?${as('alice', 'alice')}`), 404, `task ${taskId} not found for user alice`);
    }
  });

  it('skips tasks whose image contains a slash, in the list and by id (the lookups search the list)', async () => {
    assert.equal(await taskStatus(env.url, slashedId), 'completed');
    const list = (await (await fetch(`${env.url}/api/files?${as('alice', 'alice')}`)).json()) as { tasks: TaskFiles[] };
    assert.ok(!list.tasks.some((task) => task.task_id === slashedId));
    await expectText(await fetch(`${env.url}/api/files/${slashedId}?${as('alice', 'alice')}`), 404, `task ${slashedId} not found for user alice`);
    await expectText(await fetch(`${env.url}/api/files/${slashedId}/download/summary.csv?${as('alice', 'alice')}`), 404, `task ${slashedId} not found for user alice`);
  });

  it('requires both identity parameters, checked in order', async () => {
    for (const path of ['/api/files', `/api/files/${completedId}`, `/api/files/${completedId}/download/summary.csv`]) {
      await expectText(await fetch(`${env.url}${path}`), 400, 'Missing requesting_user parameter');
      await expectText(await fetch(`${env.url}${path}?user_id=alice`), 400, 'Missing requesting_user parameter');
      await expectText(await fetch(`${env.url}${path}?requesting_user=alice`), 400, 'Missing user_id parameter');
      await expectText(await fetch(`${env.url}${path}?requesting_user=alice&user_id=`), 400, 'Missing user_id parameter');
    }
  });

  it('rejects malformed paths with the expected URL format', async () => {
    await expectText(await fetch(`${env.url}/api/files/?${as('alice', 'alice')}`), 400, 'Invalid URL format. Expected: /api/files/{task_id}');
    const downloadFormat = 'Invalid URL format. Expected: /api/files/{task_id}/download/{file_path}';
    await expectText(await fetch(`${env.url}/api/files/${completedId}/download/?${as('alice', 'alice')}`), 400, downloadFormat);
    await expectText(await fetch(`${env.url}/api/files/${completedId}/downloads/summary.csv?${as('alice', 'alice')}`), 400, downloadFormat);
  });

  it('lets only the owner or "admin" read, with the master\'s 403 text', async () => {
    const denied = 'access denied: user bob cannot access files of user alice';
    await expectText(await fetch(`${env.url}/api/files?${as('bob', 'alice')}`), 403, denied);
    await expectText(await fetch(`${env.url}/api/files/${completedId}?${as('bob', 'alice')}`), 403, denied);
    await expectText(await fetch(`${env.url}/api/files/${completedId}/download/summary.csv?${as('bob', 'alice')}`), 403, denied);
    // Access is checked before the path, so a traversal attempt by someone else is still a 403.
    await expectText(await fetch(`${env.url}/api/files/${completedId}/download/a..b?${as('bob', 'alice')}`), 403, denied);

    const own = await (await fetch(`${env.url}/api/files?${as('alice', 'alice')}`)).json();
    const asAdmin = (await (await fetch(`${env.url}/api/files?${as('admin', 'alice')}`)).json()) as { user_id: string };
    assert.deepEqual(asAdmin, own);
    assert.equal((await fetch(`${env.url}/api/files/${bobsId}/download/summary.csv?${as('admin', 'bob')}`)).status, 200);
  });

  it('looks a task up under user_id only: another user\'s task is not found', async () => {
    await expectText(await fetch(`${env.url}/api/files/${bobsId}?${as('admin', 'alice')}`), 404, `task ${bobsId} not found for user alice`);
    await expectText(await fetch(`${env.url}/api/files/task-1?${as('alice', 'alice')}`), 404, 'task task-1 not found for user alice');
    await expectText(await fetch(`${env.url}/api/files/${completedId}/download/nope.txt?${as('alice', 'alice')}`), 404, `file nope.txt not found in task ${completedId}`);
  });

  it('answers a path containing ".." with the master\'s 500, before looking the task up', async () => {
    const traversal = "Failed to read file: invalid file path: contains '..'";
    await expectText(await fetch(`${env.url}/api/files/${completedId}/download/notes..txt?${as('alice', 'alice')}`), 500, traversal);
    const raw = await rawGet(env.url, `/api/files/task-unknown/download/../../etc/passwd?${as('alice', 'alice')}`);
    assert.equal(raw.status, 500);
    assert.equal(raw.body, `${traversal}\n`);
  });

  it('refuses DELETE instead of deadlocking, after the owner check, and keeps serving files', async () => {
    const refused = 'Failed to delete files: the real CloudAI master deadlocks on this request; the simulator refuses it';
    await expectText(await fetch(`${env.url}/api/files/${completedId}?${as('alice', 'alice')}`, { method: 'DELETE' }), 500, refused);
    await expectText(await fetch(`${env.url}/api/files/${completedId}?${as('admin', 'alice')}`, { method: 'DELETE' }), 500, refused);
    await expectText(await fetch(`${env.url}/api/files/task-1?${as('alice', 'alice')}`, { method: 'DELETE' }), 500, refused);
    await expectText(await fetch(`${env.url}/api/files/${completedId}?${as('bob', 'alice')}`, { method: 'DELETE' }), 403, 'access denied: only file owner or admin can delete files');
    await expectText(await fetch(`${env.url}/api/files/${completedId}?requesting_user=alice`, { method: 'DELETE' }), 400, 'Missing user_id parameter');
    assert.equal((await fetch(`${env.url}/api/files/${completedId}/download/summary.csv?${as('alice', 'alice')}`)).status, 200);
  });

  it('keeps a finished task\'s files when a cancel overwrites its status afterwards', async () => {
    const taskId = await finished(env.url, { user_id: 'dave', command: 'sleep 5; exit 0' }, 'completed');
    assert.equal((await fetch(`${env.url}/api/tasks/${taskId}`, { method: 'DELETE' })).status, 200);
    assert.equal(await taskStatus(env.url, taskId), 'cancelled');
    const files = (await (await fetch(`${env.url}/api/files/${taskId}?${as('dave', 'dave')}`)).json()) as TaskFiles;
    assert.deepEqual(files.files.map((file) => file.path), ['metrics/run.json', 'summary.csv']);
  });

  it('answers other methods with 405, download paths included', async () => {
    await expectText(await fetch(`${env.url}/api/files?${as('alice', 'alice')}`, { method: 'POST' }), 405, 'Method not allowed');
    await expectText(await fetch(`${env.url}/api/files/${completedId}?${as('alice', 'alice')}`, { method: 'PUT' }), 405, 'Method not allowed');
    await expectText(await fetch(`${env.url}/api/files/${completedId}/download/summary.csv?${as('alice', 'alice')}`, { method: 'DELETE' }), 405, 'Method not allowed');
  });
});

describe('task output files across a restart', () => {
  it('serves the same listing and bytes after the simulator restarts', async () => {
    const dataDir = tempDataDir();
    const first = await startSim({ workers: 2, dataDir });
    let taskId: string;
    let listing: string;
    let bytes: Buffer;
    try {
      taskId = await finished(first.url, { user_id: 'alice', command: 'sleep 5; exit 0' }, 'completed');
      listing = await (await fetch(`${first.url}/api/files?${as('alice', 'alice')}`)).text();
      bytes = Buffer.from(await (await fetch(`${first.url}/api/files/${taskId}/download/summary.csv?${as('alice', 'alice')}`)).arrayBuffer());
    } finally {
      await first.sim.stop();
    }
    const second = await startSim({ workers: 2, dataDir });
    try {
      assert.ok(listing.includes(taskId));
      assert.equal(await (await fetch(`${second.url}/api/files?${as('alice', 'alice')}`)).text(), listing);
      const again = await fetch(`${second.url}/api/files/${taskId}/download/summary.csv?${as('alice', 'alice')}`);
      assert.equal(again.status, 200);
      assert.deepEqual(Buffer.from(await again.arrayBuffer()), bytes);
    } finally {
      await second.dispose();
    }
  });
});
