import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { goJson, sendGoError } from '../go-http.ts';
import { benchLogLine } from '../log-script.ts';
import type { ResultRecord } from '../model.ts';
import { storedLogAsSent } from '../quirks.ts';
import type { TaskRun } from '../task-run.ts';
import { pathAfter, type RouteContext } from './context.ts';

/** With --log-replay-ms 0, stored lines go out in chunks of this many, yielding to the event loop in between. */
const REPLAY_CHUNK = 250;
/** Benchmark live stream: this many lines every BENCH_INTERVAL_MS (5,000 lines/s, about what a browser takes in one message per line). */
const BENCH_BATCH = 50;
const BENCH_INTERVAL_MS = 10;
/** Past this much unsent data a fast sender waits for the client instead of queueing more. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** What a worker's log stream says for a task it has no container for (yet). */
const NO_CONTAINER_LINE = 'Task not found or not running on this worker';

/** One log socket's view of its client: a send that is a no-op once the client is gone, and the hang-up. */
interface Client {
  readonly socket: WebSocket;
  readonly taskId: string;
  /** False once the client closed or the server hung up. */
  isOpen(): boolean;
  send(message: object): void;
  /** Ends the stream the master's way: TCP closed without a close frame (1006). */
  hangUp(): void;
}

/** The task log stream of §7.3. It never reads from the client and ends by dropping the connection without a close frame. */
export function logsSocketRoutes(app: FastifyInstance, { cluster, store, sockets, options, quirks }: RouteContext): void {
  const taskIdOf = (url: string) => pathAfter(url, '/ws/tasks/').replace(/\/logs$/, '');

  const stream = (socket: WebSocket, taskId: string) => {
    sockets.add(socket, 'logs', taskId);
    let open = true;
    socket.on('close', () => (open = false));
    socket.on('error', () => socket.terminate());
    const client: Client = {
      socket,
      taskId,
      isOpen: () => open,
      // gorilla's WriteJSON goes through json.Encoder, so every frame ends with a newline.
      send: (message) => {
        if (open && socket.readyState === socket.OPEN) socket.send(goJson(message));
      },
      hangUp: () => {
        open = false;
        socket.terminate();
      },
    };

    if (!options.database) {
      client.send({ error: 'Failed to get task information: task database not available' });
      return client.hangUp();
    }
    const task = cluster.findTask(taskId);
    if (!task) {
      client.send({ error: `Failed to get task information: failed to get task: task not found: ${taskId}` });
      return client.hangUp();
    }
    client.send({ type: 'connected', task_id: taskId, user_id: task.user_id, message: 'Connected to task log stream' });

    const result = store.results.get(taskId);
    if (result) return replayStored(client, result);
    const run = cluster.liveRun(taskId);
    if (!run || !store.assignments.has(taskId)) {
      client.send({ type: 'error', task_id: taskId, error: `failed to find assignment for task: assignment not found for task: ${taskId}` });
      return client.hangUp();
    }
    followLive(client, run);
  };

  /** Stored lines (as the worker's header stripping left them), empty ones dropped, then `complete` unless there were none. */
  const replayStored = (client: Client, result: ResultRecord) => {
    const { socket, taskId } = client;
    const lines = storedLogAsSent(result.logs, quirks)
      .split('\n')
      .filter((line) => line !== '');
    let index = 0;
    const next = () => {
      if (!client.isOpen()) return;
      if (options.logReplayMs === 0 && index < lines.length) {
        // No spacing: send a chunk, then let timers and other sockets run (a 100,000-line log must not block for seconds).
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return void setTimeout(next, 5);
        const end = Math.min(lines.length, index + REPLAY_CHUNK);
        while (index < end) client.send({ type: 'log', task_id: taskId, line: lines[index++] });
        setImmediate(next);
        return;
      }
      if (index < lines.length) {
        client.send({ type: 'log', task_id: taskId, line: lines[index++] });
        setTimeout(next, options.logReplayMs);
        return;
      }
      if (lines.length > 0) {
        client.send({ type: 'complete', task_id: taskId, status: result.status, message: `Task completed with status: ${result.status}` });
      }
      client.hangUp();
    };
    next();
  };

  /**
   * The master's relay of the worker's stream, chunk by chunk: a line is written to the client, and a failed
   * write (client gone, noticed only then: there is no read loop) ends the relay silently; the final chunk
   * writes its status into the task, sends `complete` and hangs up, whether the client is still there or not.
   */
  const followLive = (client: Client, run: TaskRun) => {
    const { socket, taskId } = client;
    const relayLine = (line: string): boolean => {
      if (!client.isOpen()) {
        detach();
        return false;
      }
      client.send({ type: 'log', task_id: taskId, line });
      return true;
    };
    const relayEnd = (status: string) => {
      detach();
      if (quirks.streamStatusWrites) cluster.recordStreamStatus(taskId, status);
      client.send({ type: 'complete', task_id: taskId, status, message: `Task completed with status: ${status}` });
      client.hangUp();
    };
    const detach = () => {
      run.off('line', relayLine);
      run.off('end', relayEnd);
    };

    if (run.isPulling) {
      // The worker has no container for the task yet: its stream says so and ends at once.
      relayLine(NO_CONTAINER_LINE);
      return relayEnd('not_found');
    }
    for (const line of run.lines) relayLine(line);
    if (run.benchLines > 0) streamBenchLines(client, run);
    run.on('line', relayLine);
    run.on('end', relayEnd);
    // A forgiving master lets go of the worker's stream as soon as the client leaves. So does an endless
    // benchmark run, which prints no line that would notice, and would otherwise keep one listener per socket ever opened.
    if (!quirks.streamStatusWrites || run.benchLines > 0) socket.on('close', detach);
  };

  /** Benchmark run: each client gets its own burst of numbered lines; the task keeps running afterwards. */
  const streamBenchLines = (client: Client, run: TaskRun) => {
    let index = 0;
    const timer = setInterval(() => {
      if (!client.isOpen() || run.isFinished) return clearInterval(timer);
      if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) return;
      const now = new Date();
      const end = Math.min(run.benchLines, index + BENCH_BATCH);
      while (index < end) client.send({ type: 'log', task_id: client.taskId, line: benchLogLine(index++, run.benchLines, now) });
      if (index >= run.benchLines) clearInterval(timer);
    }, BENCH_INTERVAL_MS);
    client.socket.on('close', () => clearInterval(timer));
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
