import { existsSync, readFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { createProxyMiddleware } from 'http-proxy-middleware';
import sirv from 'sirv';
import { answerProxyError, limitMasterRequest, responseTimeoutMs } from './master-proxy-errors.mjs';
import { MasterHealthWatch } from './master-health';
import { answerSessionProbe, isSessionProbe } from './session-probe.mjs';
import { DoorVerdict, SessionDoor } from './session-door';
import { configScript } from './config-script';
import { securityHeaders } from './security-headers';
import type { ServerConfig } from './server-config';

/** The paths the master serves (contract §1.6); everything else is the dashboard's. */
export const MASTER_PATHS = ['/api', '/ws', '/health', '/telemetry'];

/** The dashboard server's own namespace, which no master path uses. */
export const OWN_PREFIX = '/_dashboard/';

export interface DashboardServerOptions {
  readonly config: ServerConfig;
  /** The master to forward to (the configured one, or the simulator the command started). */
  readonly masterUrl: string;
  /** The production build's browser files. */
  readonly distDir: string;
}

/**
 * The production server: the built app under `BASE_PATH`, its configuration document, its own
 * health endpoints, and the master's paths forwarded (WebSocket upgrades included) through the
 * session door (see {@link SessionDoor}).
 */
export function createDashboardServer({ config, masterUrl, distDir }: DashboardServerOptions): Server {
  const indexHtml = readIndexHtml(distDir, config.basePath);
  const health = new MasterHealthWatch(masterUrl);
  const door = config.openMaster ? null : new SessionDoor({ masterUrl });

  const proxy = createProxyMiddleware<IncomingMessage, ServerResponse>({
    target: masterUrl,
    changeOrigin: true,
    ws: true,
    on: {
      // A hung or half-open master must not hold requests forever: each one gets a connect and a response timeout.
      proxyReq: (proxyRequest, request) =>
        limitMasterRequest(proxyRequest, responseTimeoutMs(request.method ?? 'GET', request.url ?? '')),
      proxyReqWs: (proxyRequest, request) =>
        limitMasterRequest(proxyRequest, responseTimeoutMs('GET', request.url ?? '')),
      // The browser is told whether the master is unreachable, dropped the request or timed out, not a made-up status.
      error: (error, _request, response) => {
        answerProxyError(error, response, masterUrl);
      },
    },
  });

  const assets = sirv(distDir, {
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders: (response, pathname) => {
      // Hashed bundles never change; everything else is revalidated to pick up a new build.
      const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(pathname);
      response.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const sendIndex = (response: ServerResponse) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    response.end(indexHtml);
  };

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    const path = withinBase(request.url ?? '/', config.basePath);
    if (path === null) return void answerOutsideBase(request, response, config.basePath);
    request.url = path;
    const route = path.split('?')[0];
    if (route.startsWith(OWN_PREFIX)) return void answerOwn(route, request, response);
    if (isMasterPath(route)) {
      return void throughDoor(door, request, path, response, masterUrl, () =>
        proxy(request, response, () => undefined),
      );
    }
    if (route === '/' || route === '/index.html') return sendIndex(response);
    void assets(request, response, () => {
      // A deep link (/tasks/task-1) is the app's; a missing file (/missing.js) is not.
      if ((request.method === 'GET' || request.method === 'HEAD') && !/\.[a-z0-9]+$/i.test(route)) {
        return sendIndex(response);
      }
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = withinBase(request.url ?? '/', config.basePath);
    if (path === null || !isMasterPath(path.split('?')[0])) return void refuseUpgrade(socket, 404, 'Not Found');
    request.url = path;
    void throughDoor(door, request, path, socket, masterUrl, () => proxy.upgrade(request, socket as never, head));
  });

  async function answerOwn(route: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(`${JSON.stringify(body)}\n`);
    };
    if (isSessionProbe(request)) return answerSessionProbe(request, response, masterUrl);
    if (route === `${OWN_PREFIX}healthz`) return json(200, { status: 'up' });
    if (route === `${OWN_PREFIX}readyz`) {
      const master = await health.current();
      return master.reachable ? json(200, { ready: true }) : json(503, { ready: false, reason: master.reason });
    }
    if (route === `${OWN_PREFIX}config.js`) {
      const master = await health.current();
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(configScript(config, { url: masterUrl, simulated: master.reachable && master.simulator }));
      return;
    }
    json(404, { error: `No such dashboard path: ${route}` });
  }

  return server;
}

/** The request's path with the base path taken off (`/` for the base itself), or `null` when it is outside. */
export function withinBase(url: string, basePath: string): string | null {
  if (basePath === '/') return url;
  if (url.startsWith(basePath)) return `/${url.slice(basePath.length)}`;
  return null;
}

function isMasterPath(route: string): boolean {
  return MASTER_PATHS.some((prefix) => route === prefix || route.startsWith(`${prefix}/`));
}

/** Outside the base path: the base without its last slash is sent on; anything else is not here. */
function answerOutsideBase(request: IncomingMessage, response: ServerResponse, basePath: string): void {
  if ((request.url ?? '').split('?')[0] === basePath.slice(0, -1)) {
    response.writeHead(308, { Location: basePath }).end();
    return;
  }
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`Not found. The dashboard is at ${basePath}\n`);
}

async function throughDoor(
  door: SessionDoor | null,
  request: IncomingMessage,
  path: string,
  response: ServerResponse | Duplex,
  masterUrl: string,
  forward: () => void,
): Promise<void> {
  const verdict: DoorVerdict = door ? await door.admit(request, path) : { kind: 'open' };
  if (verdict.kind === 'open') return forward();
  if (verdict.kind === 'unknown') {
    answerProxyError(verdict.error, response as ServerResponse, masterUrl);
    return;
  }
  if (response instanceof ServerResponse) {
    response.writeHead(401, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ error: verdict.reason }));
  } else {
    refuseUpgrade(response, 401, 'Unauthorized');
  }
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** index.html with its base href set to the base path: one build serves any prefix. */
function readIndexHtml(distDir: string, basePath: string): string {
  const file = join(distDir, 'index.html');
  if (!existsSync(file)) {
    throw new Error(`No production build found in ${distDir}. Run \`npm run build\` first.`);
  }
  const html = readFileSync(file, 'utf8');
  if (!html.includes('<base href="/"')) throw new Error(`${file} has no <base href="/">: is it this app's build?`);
  return html.replace('<base href="/"', `<base href="${basePath}"`);
}
