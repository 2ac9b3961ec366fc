import type { FastifyInstance, FastifyReply } from 'fastify';
import type { WebSocket } from 'ws';
import { goJson, sendGoError, sendJson, sendMethodNotAllowed } from '../go-http.ts';
import { telemetryMap, telemetryObject } from '../views.ts';
import { pathAfter, type RouteContext } from './context.ts';

/** Legacy REST telemetry (§5) and the telemetry sockets (§7.1, §7.2). */
export function telemetryRoutes(app: FastifyInstance, { cluster, sockets, clock }: RouteContext): void {
  app.all('/health', async (request, reply) => {
    if (request.method !== 'GET') return sendMethodNotAllowed(reply);
    const workers = [...cluster.workers.values()].filter((worker) => worker.telemetry);
    return sendJson(reply, 200, {
      status: 'healthy',
      time: clock.seconds(),
      active_clients: sockets.count('telemetry'),
      workers: workers.length,
      active_workers: workers.filter((worker) => cluster.isActive(worker)).length,
      // Not in the real master's answer: lets the dashboard say that this is not a real cluster.
      simulator: true,
    });
  });

  app.all('/telemetry', async (request, reply) => {
    if (request.method !== 'GET') return sendMethodNotAllowed(reply);
    return sendJson(reply, 200, telemetryMap(cluster, cluster.workers.values(), clock));
  });

  app.all('/telemetry/*', async (request, reply) => {
    if (request.method !== 'GET') return sendMethodNotAllowed(reply);
    const workerId = pathAfter(request.url, '/telemetry/');
    const worker = cluster.workers.get(workerId);
    const object = worker && telemetryObject(cluster, worker, clock);
    if (!object) return sendGoError(reply, 404, `Worker ${workerId} not found`);
    return sendJson(reply, 200, object);
  });

  app.all('/workers', async (request, reply) => {
    if (request.method !== 'GET') return sendMethodNotAllowed(reply);
    const summary: Record<string, unknown> = {};
    for (const worker of cluster.workers.values()) {
      if (!worker.telemetry) continue;
      summary[worker.record.worker_id] = {
        worker_id: worker.record.worker_id,
        is_active: cluster.isActive(worker),
        running_tasks_count: worker.telemetry.running_tasks.length,
        last_update: clock.telemetrySeconds(worker.telemetry.last_update_ms),
      };
    }
    return sendJson(reply, 200, summary);
  });

  // Subscribers of every worker, and of one worker each. A heartbeat is encoded once and the same bytes go to all of them.
  const everyWorker = new Set<WebSocket>();
  const oneWorker = new Map<string, Set<WebSocket>>();
  const write = (socket: WebSocket, frame: Buffer) => {
    if (socket.readyState === socket.OPEN && !sockets.isStalled(socket)) socket.send(frame, { binary: false });
  };
  cluster.on('telemetry', (workerId) => {
    const watchers = oneWorker.get(workerId);
    if (everyWorker.size === 0 && !watchers) return;
    const worker = cluster.workers.get(workerId);
    const object = worker && telemetryObject(cluster, worker, clock);
    if (!object) return;
    const frame = Buffer.from(goJson({ [workerId]: object }, false));
    for (const socket of everyWorker) write(socket, frame);
    if (watchers) for (const socket of watchers) write(socket, frame);
  });

  /** Pushes the initial map, then one single-entry map per heartbeat of a matching worker. Client messages are ignored. */
  const stream = (socket: WebSocket, onlyWorkerId: string | undefined) => {
    sockets.add(socket, 'telemetry');
    const initial = onlyWorkerId === undefined ? [...cluster.workers.values()] : [cluster.workers.get(onlyWorkerId)].filter((w) => w !== undefined);
    const map = telemetryMap(cluster, initial, clock);
    // The per-worker stream sends nothing until that worker has telemetry.
    if (onlyWorkerId === undefined || Object.keys(map).length > 0) write(socket, Buffer.from(goJson(map, false)));
    if (onlyWorkerId === undefined) {
      everyWorker.add(socket);
      socket.on('close', () => everyWorker.delete(socket));
    } else {
      let watchers = oneWorker.get(onlyWorkerId);
      if (!watchers) oneWorker.set(onlyWorkerId, (watchers = new Set()));
      watchers.add(socket);
      socket.on('close', () => {
        watchers.delete(socket);
        if (watchers.size === 0 && oneWorker.get(onlyWorkerId) === watchers) oneWorker.delete(onlyWorkerId);
      });
    }
    socket.on('error', () => socket.terminate());
  };

  const badRequest = async (_request: unknown, reply: FastifyReply) => sendGoError(reply, 400, 'Bad Request');

  app.route({ method: 'GET', url: '/ws/telemetry', handler: badRequest, wsHandler: (socket) => stream(socket, undefined) });

  app.route({
    method: 'GET',
    url: '/ws/telemetry/*',
    handler: badRequest,
    preHandler: async (request, reply) => {
      if (!pathAfter(request.url, '/ws/telemetry/')) return sendGoError(reply, 400, 'Worker ID required');
    },
    wsHandler: (socket, request) => stream(socket, pathAfter(request.url, '/ws/telemetry/')),
  });
}
