import type { FastifyInstance } from 'fastify';
import { sendGoError, sendJson, sendMethodNotAllowed } from '../go-http.ts';
import { decodeJsonBody } from '../task-request.ts';
import { telemetryOnlyWorkerEntry, workerDetail, workerListEntry } from '../views.ts';
import { pathAfter, type RouteContext } from './context.ts';

export function workerRoutes(app: FastifyInstance, { cluster, store, options, clock }: RouteContext): void {
  app.all('/api/workers', async (request, reply) => {
    if (request.method === 'POST') {
      if (!options.database) return sendGoError(reply, 503, 'Worker registration is not available (database not connected)');
      let workerId: unknown;
      let workerIp: unknown;
      try {
        const body = decodeJsonBody(typeof request.body === 'string' ? request.body : '');
        const fields = (body ?? {}) as Record<string, unknown>;
        if (typeof fields !== 'object' || Array.isArray(fields)) throw new Error('json: cannot unmarshal into Go value of type http.WorkerRegistrationRequest');
        for (const key of ['worker_id', 'worker_ip']) {
          const value = fields[key];
          if (value !== undefined && value !== null && typeof value !== 'string') {
            throw new Error(`json: cannot unmarshal ${typeof value === 'boolean' ? 'bool' : typeof value} into Go struct field WorkerRegistrationRequest.${key} of type string`);
          }
        }
        workerId = fields['worker_id'] ?? '';
        workerIp = fields['worker_ip'] ?? '';
      } catch (error) {
        return sendGoError(reply, 400, `Invalid request body: ${(error as Error).message}`);
      }
      if (workerId === '') return sendGoError(reply, 400, 'worker_id is required');
      if (workerIp === '') return sendGoError(reply, 400, 'worker_ip is required');
      try {
        cluster.registerWorker(workerId as string, workerIp as string);
      } catch (error) {
        return sendGoError(reply, 500, `Failed to register worker: ${(error as Error).message}`);
      }
      return sendJson(reply, 201, {
        success: true,
        message: 'Worker registered successfully. Master is notifying worker to connect and send resource information.',
        worker_id: workerId,
        worker: { worker_id: workerId, worker_ip: workerIp, is_active: false },
      });
    }
    if (request.method !== 'GET') return sendMethodNotAllowed(reply);
    // Without the registry only the telemetry manager's workers are listed.
    const workers = options.database
      ? [...cluster.workers.values()].map((worker) => workerListEntry(cluster, worker, clock))
      : [...cluster.workers.values()].flatMap((worker) => telemetryOnlyWorkerEntry(cluster, worker, clock) ?? []);
    return sendJson(reply, 200, { workers: workers.length > 0 ? workers : null });
  });

  app.all('/api/workers/*', async (request, reply) => {
    if (request.method !== 'GET') return sendMethodNotAllowed(reply);
    const rest = pathAfter(request.url, '/api/workers/');
    if (rest.includes('/metrics')) {
      const workerId = rest.slice(0, rest.indexOf('/metrics'));
      if (!workerId) return sendGoError(reply, 400, 'Worker ID required');
      const worker = cluster.workers.get(workerId);
      if (!worker?.telemetry) return sendGoError(reply, 404, `Worker ${workerId} not found`);
      const updated = clock.telemetrySeconds(worker.telemetry.last_update_ms);
      return sendJson(reply, 200, {
        worker_id: workerId,
        cpu_usage: worker.telemetry.cpu_usage,
        memory_usage: worker.telemetry.memory_usage,
        gpu_usage: worker.telemetry.gpu_usage,
        is_active: cluster.isActive(worker),
        last_update: updated,
        timestamp: updated,
      });
    }
    if (rest.endsWith('/tasks')) {
      if (!options.database) return sendGoError(reply, 503, 'Database not available');
      const workerId = rest.slice(0, -'/tasks'.length);
      const history = [...store.assignments.values()]
        .filter((assignment) => assignment.worker_id === workerId)
        .map((assignment) => ({ task_id: assignment.task_id, assigned_at: clock.seconds(assignment.assigned_ms) }));
      return sendJson(reply, 200, { worker_id: workerId, tasks: history.length > 0 ? history : null, count: history.length });
    }
    if (!rest) return sendGoError(reply, 400, 'Worker ID required');
    const worker = cluster.workers.get(rest);
    if (!worker?.telemetry) return sendGoError(reply, 404, `Worker ${rest} not found`);
    return sendJson(reply, 200, workerDetail(cluster, worker, clock, options.database));
  });
}
