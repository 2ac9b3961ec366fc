import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendGoError, sendJson, sendMethodNotAllowed } from '../go-http.ts';
import type { TaskRecord } from '../model.ts';
import { outputFiles, type OutputFile } from '../output-files.ts';
import type { Store } from '../store.ts';
import type { WireClock } from '../wire-clock.ts';
import type { RouteContext } from './context.ts';

const TASK_URL = 'Invalid URL format. Expected: /api/files/{task_id}';
const DOWNLOAD_URL = 'Invalid URL format. Expected: /api/files/{task_id}/download/{file_path}';

interface Identities {
  requestingUser: string;
  userId: string;
}

/** The master's `<task_name>/<timestamp>/<task_id>` directory as its lister reports it. */
interface TaskFiles {
  task: TaskRecord;
  files: OutputFile[];
}

/** Like Go's `Query().Get`: the first value, or "" when absent. */
function firstValue(query: unknown, name: string): string {
  const value = (query as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Sends the 400 and returns undefined when a parameter is missing. */
function identities(request: FastifyRequest, reply: FastifyReply): Identities | undefined {
  const requestingUser = firstValue(request.query, 'requesting_user');
  const userId = firstValue(request.query, 'user_id');
  if (!requestingUser) {
    sendGoError(reply, 400, 'Missing requesting_user parameter');
    return undefined;
  }
  if (!userId) {
    sendGoError(reply, 400, 'Missing user_id parameter');
    return undefined;
  }
  return { requestingUser, userId };
}

function mayRead({ requestingUser, userId }: Identities): boolean {
  return requestingUser === userId || requestingUser === 'admin';
}

function readDenied(reply: FastifyReply, { requestingUser, userId }: Identities): FastifyReply {
  return sendGoError(reply, 403, `access denied: user ${requestingUser} cannot access files of user ${userId}`);
}

/**
 * A task's directory is `<user_id>/<docker_image>/<submit time>/<task_id>`, and the lister only recognises task
 * directories exactly three levels down. An image with a `/` nests deeper, so its task is missing from the list
 * and, because the by-id and download lookups search that same list, from them too.
 */
function isListed(task: TaskRecord, files: OutputFile[]): boolean {
  return files.length > 0 && !task.docker_image.includes('/');
}

function userTaskFiles(store: Store, clock: WireClock, userId: string): TaskFiles[] {
  const found: Array<{ entry: TaskFiles; key: string[] }> = [];
  for (const task of store.tasks) {
    if (task.user_id !== userId) continue;
    const files = outputFiles(task, store.results.get(task.task_id));
    // Walk order: directory names sorted level by level (image, then submit time, then id).
    if (isListed(task, files)) found.push({ entry: { task, files }, key: [task.docker_image, clock.fileTimestamp(task.created_ms), task.task_id] });
  }
  found.sort((a, b) => {
    for (let level = 0; level < a.key.length; level++) {
      if (a.key[level] !== b.key[level]) return a.key[level] < b.key[level] ? -1 : 1;
    }
    return 0;
  });
  return found.map(({ entry }) => entry);
}

function findTaskFiles(store: Store, userId: string, taskId: string): TaskFiles | undefined {
  const task = store.findTask(taskId);
  if (!task || task.user_id !== userId) return undefined;
  const files = outputFiles(task, store.results.get(taskId));
  return isListed(task, files) ? { task, files } : undefined;
}

function taskFilesBody({ task, files }: TaskFiles, clock: WireClock) {
  return {
    task_id: task.task_id,
    task_name: task.docker_image,
    timestamp: clock.fileTimestamp(task.created_ms),
    files: files.map((file) => ({ path: file.path, size: file.bytes.length })),
    total_size: files.reduce((sum, file) => sum + file.bytes.length, 0),
  };
}

/** The decoded path split like the master's handlers: `strings.Split(strings.Trim(path, "/"), "/")`. */
function pathParts(url: string): { path: string; parts: string[] } {
  const path = decodeURIComponent(url.split('?')[0]);
  return { path, parts: path.replace(/^\/+|\/+$/g, '').split('/') };
}

/** §6 of the contract: task output files, identified by query parameters, no cookie. */
export function fileRoutes(app: FastifyInstance, { store, clock }: RouteContext): void {
  app.all('/api/files', async (request, reply) => {
    if (request.method !== 'GET') return sendMethodNotAllowed(reply);
    const ids = identities(request, reply);
    if (!ids) return reply;
    if (!mayRead(ids)) return readDenied(reply, ids);
    const tasks = userTaskFiles(store, clock, ids.userId).map((found) => taskFilesBody(found, clock));
    return sendJson(reply, 200, { user_id: ids.userId, tasks, count: tasks.length });
  });

  // Like the master's mux: anything under /api/files/ containing /download is the download handler.
  app.all('/api/files/*', async (request, reply) => {
    const { path, parts } = pathParts(request.url);
    if (path.includes('/download')) return download(request, reply, parts);
    if (request.method !== 'GET' && request.method !== 'DELETE') return sendMethodNotAllowed(reply);
    if (parts.length < 3) return sendGoError(reply, 400, TASK_URL);
    const taskId = parts[2];
    const ids = identities(request, reply);
    if (!ids) return reply;

    if (request.method === 'DELETE') {
      if (ids.requestingUser !== ids.userId && ids.requestingUser !== 'admin') {
        return sendGoError(reply, 403, 'access denied: only file owner or admin can delete files');
      }
      // The master takes its storage write lock, then the read lock in the same goroutine: the request never
      // returns and every later file operation (worker uploads included) hangs. Refusing loudly lets tests catch a caller.
      return sendGoError(reply, 500, 'Failed to delete files: the real CloudAI master deadlocks on this request; the simulator refuses it');
    }

    if (!mayRead(ids)) return readDenied(reply, ids);
    const found = findTaskFiles(store, ids.userId, taskId);
    if (!found) return sendGoError(reply, 404, `task ${taskId} not found for user ${ids.userId}`);
    return sendJson(reply, 200, taskFilesBody(found, clock));
  });

  function download(request: FastifyRequest, reply: FastifyReply, parts: string[]): FastifyReply {
    if (request.method !== 'GET') return sendMethodNotAllowed(reply);
    if (parts.length < 5 || parts[3] !== 'download') return sendGoError(reply, 400, DOWNLOAD_URL);
    const taskId = parts[2];
    const filePath = parts.slice(4).join('/');
    const ids = identities(request, reply);
    if (!ids) return reply;
    if (!mayRead(ids)) return readDenied(reply, ids);
    // Checked before the task is looked up, and reported as a 500 like any other storage error.
    if (filePath.includes('..')) return sendGoError(reply, 500, "Failed to read file: invalid file path: contains '..'");
    const found = findTaskFiles(store, ids.userId, taskId);
    if (!found) return sendGoError(reply, 404, `task ${taskId} not found for user ${ids.userId}`);
    const file = found.files.find((candidate) => candidate.path === filePath);
    if (!file) return sendGoError(reply, 404, `file ${filePath} not found in task ${taskId}`);
    return reply
      .code(200)
      .header('Content-Disposition', `attachment; filename="${filePath.slice(filePath.lastIndexOf('/') + 1)}"`)
      .header('Content-Type', 'application/octet-stream')
      .header('Content-Length', String(file.bytes.length))
      .send(file.bytes);
  }
}
