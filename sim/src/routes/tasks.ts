import type { FastifyInstance } from 'fastify';
import { sendGoError, sendJson, sendMethodNotAllowed, unixSeconds } from '../go-http.ts';
import { parseTaskRequest, TaskRequestError } from '../task-request.ts';
import { taskDetail, taskListItem } from '../views.ts';
import { pathAfter, type RouteContext } from './context.ts';

export function taskRoutes(app: FastifyInstance, { cluster, store }: RouteContext): void {
  app.all('/api/tasks', async (request, reply) => {
    if (request.method === 'GET') {
      const status = (request.query as Record<string, string | undefined>)['status'];
      const tasks = store.tasks.filter((task) => !status || task.status === status).map(taskListItem);
      return sendJson(reply, 200, { tasks });
    }
    if (request.method !== 'POST') return sendMethodNotAllowed(reply);
    try {
      const submission = parseTaskRequest(typeof request.body === 'string' ? request.body : '');
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
      const result = store.results.get(taskId);
      // The master panics here for unfinished tasks; the simulator answers instead.
      if (!result) return sendGoError(reply, 404, `Logs not found: no result for task ${taskId}`);
      return sendJson(reply, 200, { task_id: taskId, logs: result.logs, status: result.status, completed_at: unixSeconds(result.completed_ms) });
    }
    const taskId = rest;
    if (request.method === 'GET') {
      if (!taskId) return sendGoError(reply, 400, 'Task ID required');
      const task = cluster.findTask(taskId);
      if (!task) return sendGoError(reply, 404, `Task not found: task not found: ${taskId}`);
      return sendJson(reply, 200, taskDetail(task, store.assignments.get(taskId), store.results.get(taskId)));
    }
    if (request.method === 'DELETE') {
      if (!taskId) return sendGoError(reply, 400, 'Task ID required');
      await cluster.cancel(taskId);
      return sendJson(reply, 200, { task_id: taskId, status: 'cancelled', message: 'Task cancellation requested' });
    }
    return sendMethodNotAllowed(reply);
  });
}
