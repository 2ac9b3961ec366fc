import type { FastifyInstance, FastifyReply } from 'fastify';
import { dropConnection, sendGoError, sendJson, sendMethodNotAllowed } from '../go-http.ts';
import { storedLogAsSent } from '../quirks.ts';
import { parseTaskRequest, TaskRequestError } from '../task-request.ts';
import { taskDetail, taskListItem } from '../views.ts';
import { pathAfter, type RouteContext } from './context.ts';

function databaseNotAvailable(reply: FastifyReply): FastifyReply {
  return sendGoError(reply, 503, 'Database not available');
}

export function taskRoutes(app: FastifyInstance, { cluster, store, options, quirks, clock }: RouteContext): void {
  app.all('/api/tasks', async (request, reply) => {
    if (request.method === 'GET') {
      if (!options.database) return databaseNotAvailable(reply);
      const status = (request.query as Record<string, string | undefined>)['status'];
      const tasks = store.tasks.filter((task) => !status || task.status === status).map((task) => taskListItem(task, clock));
      return sendJson(reply, 200, { tasks });
    }
    if (request.method !== 'POST') return sendMethodNotAllowed(reply);
    try {
      const submission = parseTaskRequest(typeof request.body === 'string' ? request.body : '');
      // Without a database the task still runs from the in-memory queue; it is just never listed.
      const { task, queuePosition } = cluster.submit(submission);
      return sendJson(reply, 201, {
        task_id: task.task_id,
        status: 'queued',
        message: `Task submitted successfully. Queue position: ${queuePosition}. Scheduler will assign it to an available worker.`,
      });
    } catch (error) {
      if (error instanceof TaskRequestError) return sendGoError(reply, 400, error.message);
      throw error;
    }
  });

  // Like the master's mux: anything under /api/tasks/ containing /logs is the logs handler, the rest is {id}.
  app.all('/api/tasks/*', async (request, reply) => {
    const rest = pathAfter(request.url, '/api/tasks/');
    if (rest.includes('/logs')) {
      if (request.method !== 'GET') return sendMethodNotAllowed(reply);
      const taskId = rest.slice(0, rest.indexOf('/logs'));
      if (!taskId) return sendGoError(reply, 400, 'Task ID required');
      if (!options.database) return databaseNotAvailable(reply);
      const result = store.results.get(taskId);
      if (!result) {
        // The master dereferences the missing result (unknown ids included) and panics.
        if (quirks.crashingHandlers) return dropConnection(request, reply);
        return sendGoError(reply, 404, `Logs not found: no result for task ${taskId}`);
      }
      return sendJson(reply, 200, {
        task_id: taskId,
        logs: storedLogAsSent(result.logs, quirks),
        status: result.status,
        completed_at: clock.seconds(result.completed_ms),
      });
    }
    const taskId = rest;
    if (request.method === 'GET') {
      if (!taskId) return sendGoError(reply, 400, 'Task ID required');
      if (!options.database) return databaseNotAvailable(reply);
      const task = cluster.findTask(taskId);
      if (!task) return sendGoError(reply, 404, `Task not found: task not found: ${taskId}`);
      const result = store.results.get(taskId);
      // Pending and running tasks have no result, which the master's detail handler dereferences.
      if (!result && quirks.crashingHandlers) return dropConnection(request, reply);
      const sentResult = result && { ...result, logs: storedLogAsSent(result.logs, quirks) };
      return sendJson(reply, 200, taskDetail(task, store.assignments.get(taskId), sentResult, clock));
    }
    if (request.method === 'DELETE') {
      if (!taskId) return sendGoError(reply, 400, 'Task ID required');
      await cluster.cancel(taskId);
      return sendJson(reply, 200, { task_id: taskId, status: 'cancelled', message: 'Task cancellation requested' });
    }
    return sendMethodNotAllowed(reply);
  });
}
