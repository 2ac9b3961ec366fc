import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendJson } from '../go-http.ts';
import type { Capacity } from '../model.ts';
import type { Quirks } from '../quirks.ts';
import { randomWorkerIp } from '../worker-profiles.ts';
import { Random } from '../random.ts';
import type { SocketKind } from '../socket-registry.ts';
import { pathAfter, type RouteContext } from './context.ts';

export function controlError(reply: FastifyReply, status: number, error: string): FastifyReply {
  return sendJson(reply, status, { error });
}

/** The request body as a JSON object (an empty body is `{}`), or null when it is anything else. */
export function jsonBody(raw: unknown): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(typeof raw === 'string' && raw.trim() !== '' ? raw : '{}');
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The quirks as the state shows them, in the control API's snake_case. */
function quirksView(quirks: Quirks): Record<string, boolean> {
  return Object.fromEntries(Object.entries(quirks).map(([name, on]) => [name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), on]));
}

/**
 * Test and demo controls under /__sim/, JSON in and out, only with --control.
 * Fault injection (route faults, raw frames, dropped sockets, all heartbeats stopped) is in faults.ts.
 */
export function controlRoutes(
  app: FastifyInstance,
  { cluster, store, sockets, generator, options, quirks, clock, requests }: RouteContext,
): void {
  // Addresses for control-added workers come from their own stream so adding one does not shift the cluster's randomness.
  const addressRng = new Random(options.seed ^ 0x5eed);

  app.get('/__sim/state', async (_request, reply) => {
    const counts: Record<string, number> = {};
    for (const task of store.tasks) counts[task.status] = (counts[task.status] ?? 0) + 1;
    return sendJson(reply, 200, {
      seed: options.seed,
      task_rate_per_minute: generator.rate,
      heartbeat_ms: options.heartbeatMs,
      time_scale: options.timeScale,
      inactive_after_ms: cluster.inactiveAfterMs,
      auth: options.auth && options.database,
      no_db: !options.database,
      well_behaved: options.wellBehaved,
      quirks: quirksView(quirks),
      clock_offset_ms: clock.offsetMs,
      lock_held: cluster.lock.held,
      pull: { pull_ms: cluster.pulls.durations.pullMs, first_pull_ms: cluster.pulls.durations.firstPullMs },
      sockets: {
        telemetry: sockets.count('telemetry'),
        telemetry_opened: sockets.telemetrySocketsOpened,
        logs: sockets.count('logs'),
      },
      requests: requests.snapshot(),
      tasks: counts,
      workers: [...cluster.workers.values()].map((worker) => ({
        worker_id: worker.record.worker_id,
        worker_ip: worker.record.worker_ip,
        paused: worker.paused,
        connected: worker.telemetry !== undefined,
        is_active: cluster.isActive(worker),
        capacity: cluster.capacityOf(worker),
        allocated: cluster.allocated(worker.record.worker_id),
      })),
    });
  });

  app.post('/__sim/workers', async (request, reply) => {
    const body = jsonBody(request.body);
    if (!body || typeof body['worker_id'] !== 'string' || body['worker_id'] === '') return controlError(reply, 400, 'worker_id (string) is required');
    const capacity: Partial<Capacity> = {};
    for (const key of ['cpu', 'memory', 'storage', 'gpu'] as const) {
      const value = body[key];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !(value >= 0)) return controlError(reply, 400, `${key} must be a non-negative number`);
      capacity[key] = value;
    }
    try {
      const record = cluster.registerWorker(body['worker_id'], randomWorkerIp(addressRng), capacity);
      return sendJson(reply, 201, { worker_id: record.worker_id, worker_ip: record.worker_ip, capacity: record.capacity });
    } catch (error) {
      return controlError(reply, 409, (error as Error).message);
    }
  });

  app.delete('/__sim/workers/*', async (request, reply) => {
    const workerId = pathAfter(request.url, '/__sim/workers/');
    if (!cluster.removeWorker(workerId)) return controlError(reply, 404, `worker ${workerId} not found`);
    return sendJson(reply, 200, { worker_id: workerId, removed: true });
  });

  app.post('/__sim/workers/*', async (request, reply) => {
    const rest = pathAfter(request.url, '/__sim/workers/');
    const match = /^(.+)\/(pause|resume)$/.exec(rest);
    if (!match) return controlError(reply, 404, 'expected /__sim/workers/{id}/pause or /resume');
    const [, workerId, action] = match;
    if (!cluster.setPaused(workerId, action === 'pause')) return controlError(reply, 404, `worker ${workerId} not found`);
    return sendJson(reply, 200, { worker_id: workerId, paused: action === 'pause' });
  });

  app.post('/__sim/sockets/close', async (request, reply) => {
    const body = jsonBody(request.body);
    const code = body?.['code'];
    const kind = body?.['kind'];
    // Without a code the connections drop like a crashed master (1006); with one they get a proper close frame.
    if (code !== undefined && (typeof code !== 'number' || !Number.isInteger(code) || code < 1000 || code > 4999)) {
      return controlError(reply, 400, 'code must be an integer 1000-4999');
    }
    if (kind !== undefined && kind !== 'telemetry' && kind !== 'logs') return controlError(reply, 400, 'kind must be "telemetry" or "logs"');
    const which = { kind: kind as SocketKind | undefined };
    const closed = code === undefined ? sockets.terminateAll(which) : sockets.closeAll(code, 'closed by simulator control', which);
    return sendJson(reply, 200, { closed });
  });

  // A half-open connection: the telemetry sockets open now stay open on both ends, but nothing more arrives on them.
  app.post('/__sim/telemetry/stall', async (_request, reply) =>
    sendJson(reply, 200, { stalled: sockets.stallAll({ kind: 'telemetry' }) }),
  );

  // Waiting for a state instead of a time: where a task is, and whether a page ever opened its log stream.
  app.get('/__sim/tasks/*', async (request, reply) => {
    const taskId = pathAfter(request.url, '/__sim/tasks/');
    const task = cluster.findTask(taskId);
    if (!task) return controlError(reply, 404, `task ${taskId} not found`);
    return sendJson(reply, 200, {
      task_id: task.task_id,
      status: task.status,
      phase: cluster.phaseOf(task),
      worker_id: store.assignments.get(taskId)?.worker_id ?? null,
      log_sockets: sockets.count('logs', taskId),
      log_sockets_opened: sockets.openedFor(taskId),
    });
  });

  app.post('/__sim/pull', async (request, reply) => {
    const body = jsonBody(request.body);
    if (!body) return controlError(reply, 400, 'body must be a JSON object');
    const durations = { ...cluster.pulls.durations };
    for (const [field, key] of [['pull_ms', 'pullMs'], ['first_pull_ms', 'firstPullMs']] as const) {
      const value = body[field];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return controlError(reply, 400, `${field} must be a non-negative number`);
      durations[key] = value;
    }
    cluster.pulls.durations = durations;
    return sendJson(reply, 200, { pull_ms: durations.pullMs, first_pull_ms: durations.firstPullMs });
  });

  app.post('/__sim/task-rate', async (request, reply) => {
    const perMinute = jsonBody(request.body)?.['per_minute'];
    if (typeof perMinute !== 'number' || !(perMinute >= 0)) return controlError(reply, 400, 'per_minute must be a non-negative number');
    generator.setRate(perMinute);
    return sendJson(reply, 200, { per_minute: perMinute });
  });
}
