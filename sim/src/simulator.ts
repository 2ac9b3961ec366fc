import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyWebsocket from '@fastify/websocket';
import type { AddressInfo } from 'node:net';
import { Accounts } from './accounts.ts';
import { Cluster } from './cluster.ts';
import { sendGoError, sendNotFound } from './go-http.ts';
import { checkCombination, DEFAULT_OPTIONS, type SimOptions } from './options.ts';
import { quirksFor } from './quirks.ts';
import { Random } from './random.ts';
import { SocketRegistry } from './socket-registry.ts';
import { Store } from './store.ts';
import { TaskGenerator } from './task-generator.ts';
import { WireClock } from './wire-clock.ts';
import { authRoutes } from './routes/auth.ts';
import { controlRoutes } from './routes/control.ts';
import { faultRoutes } from './routes/faults.ts';
import { fileRoutes } from './routes/files.ts';
import type { RouteContext } from './routes/context.ts';
import { logsSocketRoutes } from './routes/logs-socket.ts';
import { taskRoutes } from './routes/tasks.ts';
import { telemetryRoutes } from './routes/telemetry.ts';
import { workerRoutes } from './routes/workers.ts';
import { RequestTally } from './request-tally';

/** The real master has no limit; a simulator that buffers whole bodies needs one. */
const BODY_LIMIT_BYTES = 1024 * 1024;

export interface Simulator {
  /** `http://host:port`, valid after start(). */
  readonly url: string;
  readonly port: number;
  readonly context: RouteContext;
  start(): Promise<void>;
  /** Stops timers, drops sockets, flushes every pending write and closes the server. Safe to call twice. */
  stop(): Promise<void>;
}

function applyCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Access-Control-Allow-Origin', 'http://localhost:3000');
    reply.header('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
    reply.header('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    reply.header('Access-Control-Allow-Credentials', 'true');
    if (request.method === 'OPTIONS') return reply.code(200).send();
  });
}

/** Counts every answered request of the master's own routes (not the control API) by route pattern. */
function countRequests(app: FastifyInstance, tally: RequestTally): void {
  app.addHook('onResponse', async (request) => {
    const pattern = request.routeOptions.url;
    if (pattern !== undefined && !pattern.startsWith('/__sim')) tally.add(request.method, pattern);
  });
}

/** Go reads the body as bytes whatever the Content-Type says, so every body reaches handlers as a string. */
function acceptAnyBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
}

function goStyleErrors(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => sendNotFound(reply));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.statusCode === 413) return sendGoError(reply, 413, 'http: request body too large');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return sendGoError(reply, error.statusCode, 'Failed to read request body');
    request.log.error(error);
    return sendGoError(reply, 500, 'Internal Server Error');
  });
}

export function createSimulator(overrides: Partial<SimOptions> = {}): Simulator {
  const options: SimOptions = { ...DEFAULT_OPTIONS, ...overrides };
  checkCombination(options);
  const quirks = quirksFor(options);
  const rng = new Random(options.seed);
  const store = new Store(options.dataDir, options.flushMs, options.database);
  const cluster = new Cluster(store, rng, options, quirks);
  const context: RouteContext = {
    options,
    quirks,
    clock: new WireClock(options.clockOffsetMs, options.preciseTimestamps),
    store,
    cluster,
    accounts: new Accounts(store),
    sockets: new SocketRegistry(),
    generator: new TaskGenerator(cluster, rng),
    requests: new RequestTally(),
  };

  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, exposeHeadRoutes: false, forceCloseConnections: true });
  applyCors(app);
  countRequests(app, context.requests);
  acceptAnyBody(app);
  goStyleErrors(app);
  app.register(fastifyCookie);
  app.register(fastifyWebsocket, { options: { maxPayload: BODY_LIMIT_BYTES } });
  app.register(async (scope) => {
    taskRoutes(scope, context);
    workerRoutes(scope, context);
    telemetryRoutes(scope, context);
    logsSocketRoutes(scope, context);
    fileRoutes(scope, context);
    // Sign-in needs the user database.
    if (options.auth && options.database) authRoutes(scope, context);
    if (options.control) {
      controlRoutes(scope, context);
      faultRoutes(scope, context);
    }
  });

  let port = 0;
  let stopping: Promise<void> | undefined;

  return {
    get url() {
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      return `http://${host}:${port}`;
    },
    get port() {
      return port;
    },
    context,
    async start() {
      await app.listen({ port: options.port, host: options.host });
      port = (app.server.address() as AddressInfo).port;
      cluster.start();
      context.generator.setRate(options.taskRate);
    },
    stop() {
      stopping ??= (async () => {
        context.generator.stop();
        cluster.stop();
        context.sockets.terminateAll();
        await app.close();
        store.flush();
      })();
      return stopping;
    },
  };
}
