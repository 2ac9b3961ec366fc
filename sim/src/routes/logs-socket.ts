import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { goJson, sendGoError } from '../go-http.ts';
import { benchLogLine } from '../log-script.ts';
import { pathAfter, type RouteContext } from './context.ts';

/** With --log-replay-ms 0, stored lines go out in chunks of this many, yielding to the event loop in between. */
const REPLAY_CHUNK = 250;
/** Benchmark live stream: this many lines every BENCH_INTERVAL_MS (5,000 lines/s, about what a browser takes in one message per line). */
const BENCH_BATCH = 50;
const BENCH_INTERVAL_MS = 10;
/** Past this much unsent data a fast sender waits for the client instead of queueing more. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** The task log stream of §7.3. It never reads from the client and ends by dropping the connection without a close frame. */
export function logsSocketRoutes(app: FastifyInstance, { cluster, store, sockets, options }: RouteContext): void {
  const taskIdOf = (url: string) => pathAfter(url, '/ws/tasks/').replace(/\/logs$/, '');

  const stream = (socket: WebSocket, taskId: string) => {
    sockets.add(socket, 'logs', taskId);
    let open = true;
    socket.on('close', () => (open = false));
    socket.on('error', () => socket.terminate());
    // gorilla's WriteJSON goes through json.Encoder, so every frame ends with a newline.
    const send = (message: object) => {
      if (open && socket.readyState === socket.OPEN) socket.send(goJson(message));
    };
    const hangUp = () => {
      open = false;
      socket.terminate();
    };

    const task = cluster.findTask(taskId);
    if (!task) {
      send({ error: `Failed to get task information: failed to get task: task not found: ${taskId}` });
      return hangUp();
    }
    send({ type: 'connected', task_id: taskId, user_id: task.user_id, message: 'Connected to task log stream' });

    const result = store.results.get(taskId);
    if (result) {
      const lines = result.logs.split('\n').filter((line) => line !== '');
      let index = 0;
      const next = () => {
        if (!open) return;
        if (options.logReplayMs === 0 && index < lines.length) {
          // No spacing: send a chunk, then let timers and other sockets run (a 100,000-line log must not block for seconds).
          if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return void setTimeout(next, 5);
          const end = Math.min(lines.length, index + REPLAY_CHUNK);
          while (index < end) send({ type: 'log', task_id: taskId, line: lines[index++] });
          setImmediate(next);
          return;
        }
        if (index < lines.length) {
          send({ type: 'log', task_id: taskId, line: lines[index++] });
          setTimeout(next, options.logReplayMs);
          return;
        }
        if (lines.length > 0) {
          send({ type: 'complete', task_id: taskId, status: result.status, message: `Task completed with status: ${result.status}` });
        }
        hangUp();
      };
      return next();
    }

    const run = cluster.liveRun(taskId);
    if (!run || !store.assignments.has(taskId)) {
      send({ type: 'error', task_id: taskId, error: `failed to find assignment for task: assignment not found for task: ${taskId}` });
      return hangUp();
    }
    for (const line of run.lines) send({ type: 'log', task_id: taskId, line });
    if (run.benchLines > 0) {
      // Benchmark run: each client gets its own burst of numbered lines; the task keeps running afterwards.
      let index = 0;
      const timer = setInterval(() => {
        if (!open || run.isFinished) return clearInterval(timer);
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return;
        const now = new Date();
        const end = Math.min(run.benchLines, index + BENCH_BATCH);
        while (index < end) send({ type: 'log', task_id: taskId, line: benchLogLine(index++, run.benchLines, now) });
        if (index >= run.benchLines) clearInterval(timer);
      }, BENCH_INTERVAL_MS);
      socket.on('close', () => clearInterval(timer));
    }
    const onLine = (line: string) => send({ type: 'log', task_id: taskId, line });
    const onEnd = (status: string) => {
      send({ type: 'complete', task_id: taskId, status, message: `Task completed with status: ${status}` });
      hangUp();
    };
    run.on('line', onLine);
    run.on('end', onEnd);
    socket.on('close', () => {
      run.off('line', onLine);
      run.off('end', onEnd);
    });
  };

  app.route({
    method: 'GET',
    url: '/ws/tasks/*',
    handler: async (request, reply) => sendGoError(reply, 400, taskIdOf(request.url) ? 'Bad Request' : 'Task ID required'),
    preHandler: async (request, reply) => {
      if (!taskIdOf(request.url)) return sendGoError(reply, 400, 'Task ID required');
    },
    wsHandler: (socket, request) => stream(socket, taskIdOf(request.url)),
  });
}
