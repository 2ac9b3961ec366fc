import type { FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { dropConnection, sendJson } from '../go-http.ts';
import {
  FAULT_ACTIONS,
  FaultPlan,
  isControlPath,
  type FaultAction,
  type RouteFault,
  type RouteFaultSpec,
} from '../fault-plan.ts';
import { controlError, jsonBody } from './control.ts';
import { pathAfter, type RouteContext } from './context.ts';

/** Frames sent on purpose can be far larger than the master's own body limit (a 1 MB id, escaped). */
const FRAMES_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/** setTimeout's ceiling. */
const MAX_DELAY_MS = 2_147_483_647;
const METHOD = /^(\*|[A-Za-z]+)$/;

/** The fault as the control API shows it. */
function faultView(fault: RouteFault): Record<string, unknown> {
  return {
    id: fault.id,
    method: fault.method,
    path: fault.path,
    action: fault.action,
    ...(fault.action === 'error' ? { status: fault.status, body: fault.body, content_type: fault.contentType } : {}),
    delay_ms: fault.delayMs,
    times: fault.times,
    remaining: fault.remaining,
  };
}

/** A fault from a POST /__sim/faults body, or the reason it is not one. */
function parseFault(body: Record<string, unknown> | null): RouteFaultSpec | string {
  if (!body) return 'body must be a JSON object';
  const { method, path, action, status, body: text, content_type: contentType, delay_ms: delayMs, times } = body;
  if (typeof method !== 'string' || !METHOD.test(method)) return 'method must be an HTTP method such as "GET", or "*"';
  if (typeof path !== 'string' || !path.startsWith('/')) {
    return 'path must start with "/" (end it with "*" to match a prefix)';
  }
  if (isControlPath(path.replace(/\*$/, ''))) return 'faults cannot apply to /__sim/';
  if (!FAULT_ACTIONS.includes(action as FaultAction)) return `action must be one of ${FAULT_ACTIONS.join(', ')}`;
  if (
    delayMs !== undefined &&
    (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS)
  ) {
    return 'delay_ms must be a non-negative integer';
  }
  if (action === 'delay' && !((delayMs as number) > 0)) return 'a delay needs delay_ms > 0';
  if (times !== undefined && times !== null && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
    return 'times must be a positive integer, or absent to last until cleared';
  }
  const spec: RouteFaultSpec = {
    method,
    path,
    action: action as FaultAction,
    delayMs: (delayMs as number | undefined) ?? 0,
    times: (times as number | null | undefined) ?? null,
  };
  if (action !== 'error') {
    if (status !== undefined || text !== undefined || contentType !== undefined) {
      return 'status, body and content_type only go with action "error"';
    }
    return spec;
  }
  if (
    status !== undefined &&
    (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
  ) {
    return 'status must be an integer 400-599';
  }
  if (text !== undefined && typeof text !== 'string') return 'body must be a string';
  if (contentType !== undefined && (typeof contentType !== 'string' || contentType === '')) {
    return 'content_type must be a non-empty string';
  }
  const code = (status as number | undefined) ?? 500;
  // Without a body it reads like Go's http.Error for that status.
  return {
    ...spec,
    status: code,
    body: (text as string | undefined) ?? `${STATUS_CODES[code] ?? 'Error'}\n`,
    contentType: (contentType as string | undefined) ?? 'text/plain; charset=utf-8',
  };
}

/** Frames from a `{"frames": ["raw text", ...]}` body, or the reason it is not one. */
function parseFrames(body: Record<string, unknown> | null): string[] | string {
  const frames = body?.['frames'];
  if (!Array.isArray(frames) || frames.length === 0 || !frames.every((frame) => typeof frame === 'string')) {
    return 'frames must be a non-empty array of strings';
  }
  return frames as string[];
}

/**
 * Resolves true after `ms`, or false as soon as the client goes away or the simulator stops,
 * so a long delay holds neither a dead connection nor the process.
 */
function wait(ms: number, socket: Socket, stopping: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (elapsed: boolean) => {
      clearTimeout(timer);
      socket.off('close', cut);
      stopping.removeEventListener('abort', cut);
      resolve(elapsed);
    };
    const cut = () => finish(false);
    const timer = setTimeout(() => finish(true), ms);
    socket.once('close', cut);
    stopping.addEventListener('abort', cut, { once: true });
  });
}

/**
 * Fault injection for tests, only with --control: faulty HTTP routes (applied by an onRequest hook that
 * never touches /__sim/), raw frames on the sockets, log sockets cut without a close frame, all heartbeats stopped.
 */
export function faultRoutes(app: FastifyInstance, { cluster, sockets }: RouteContext): void {
  const plan = new FaultPlan();
  const stopping = new AbortController();
  app.addHook('onClose', async () => stopping.abort());

  // Runs after the CORS hook, so an injected error carries the same CORS headers as a real one.
  app.addHook('onRequest', async (request, reply) => {
    const fault = plan.take(request.method, request.url.split('?')[0]);
    if (!fault) return;
    if (fault.delayMs > 0 && !(await wait(fault.delayMs, request.raw.socket, stopping.signal))) {
      return dropConnection(request, reply);
    }
    if (fault.action === 'drop') return dropConnection(request, reply);
    if (fault.action === 'error') {
      return reply
        .code(fault.status!)
        .header('Content-Type', fault.contentType!)
        .header('X-Content-Type-Options', 'nosniff')
        .send(fault.body);
    }
  });

  app.get('/__sim/faults', async (_request, reply) => sendJson(reply, 200, { faults: plan.list().map(faultView) }));

  app.post('/__sim/faults', async (request, reply) => {
    const spec = parseFault(jsonBody(request.body));
    if (typeof spec === 'string') return controlError(reply, 400, spec);
    return sendJson(reply, 201, faultView(plan.add(spec)));
  });

  app.delete('/__sim/faults', async (_request, reply) => sendJson(reply, 200, { cleared: plan.clear() }));

  app.delete('/__sim/faults/*', async (request, reply) => {
    const id = pathAfter(request.url, '/__sim/faults/');
    if (!/^\d+$/.test(id) || !plan.remove(Number(id))) return controlError(reply, 404, `fault ${id} not found`);
    return sendJson(reply, 200, { id: Number(id), removed: true });
  });

  // Static paths, so they win over /__sim/workers/{id}/pause; a worker called "pause-all" is still paused by id.
  app.post('/__sim/workers/pause-all', async (_request, reply) =>
    sendJson(reply, 200, { paused: true, workers: cluster.setAllPaused(true) }),
  );
  app.post('/__sim/workers/resume-all', async (_request, reply) =>
    sendJson(reply, 200, { paused: false, workers: cluster.setAllPaused(false) }),
  );

  app.post('/__sim/telemetry/frames', { bodyLimit: FRAMES_BODY_LIMIT_BYTES }, async (request, reply) => {
    const frames = parseFrames(jsonBody(request.body));
    if (typeof frames === 'string') return controlError(reply, 400, frames);
    return sendJson(reply, 200, { sockets: sockets.sendText(frames, { kind: 'telemetry' }) });
  });

  app.post('/__sim/tasks/*', { bodyLimit: FRAMES_BODY_LIMIT_BYTES }, async (request, reply) => {
    const match = /^(.+)\/(log-frames|log-sockets\/drop)$/.exec(pathAfter(request.url, '/__sim/tasks/'));
    if (!match) return controlError(reply, 404, 'expected /__sim/tasks/{id}/log-frames or /log-sockets/drop');
    const [, taskId, action] = match;
    if (!cluster.findTask(taskId)) return controlError(reply, 404, `task ${taskId} not found`);
    if (action === 'log-sockets/drop') {
      return sendJson(reply, 200, { task_id: taskId, dropped: sockets.terminateAll({ kind: 'logs', taskId }) });
    }
    const frames = parseFrames(jsonBody(request.body));
    if (typeof frames === 'string') return controlError(reply, 400, frames);
    return sendJson(reply, 200, { task_id: taskId, sockets: sockets.sendText(frames, { kind: 'logs', taskId }) });
  });
}
