/**
 * `npm run serve`: serves the production build and reverse-proxies the master's paths
 * (WebSocket upgrades included) to CLOUDAI_MASTER_URL, or to a simulator it starts.
 */
import { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createProxyMiddleware } from 'http-proxy-middleware';
import sirv from 'sirv';
import { answerProxyError, limitMasterRequest, responseTimeoutMs } from './lib/master-proxy-errors.mjs';
import { answerSessionProbe, isSessionProbe } from './lib/session-probe.mjs';
import { masterUrlOrSimulator, portFromEnv, stopTogether } from './lib/simulator-process';
import { securityHeaders } from './lib/security-headers';

const DIST = join('dist', 'cloudai-dashboard', 'browser');
const MASTER_PATHS = ['/api', '/ws', '/health', '/telemetry'];

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('No production build found in dist/. Run `npm run build` first.');
  process.exit(1);
}

async function main(): Promise<void> {
  const port = portFromEnv('PORT', 4000);
  const host = process.env['HOST'] || '127.0.0.1';
  const children: ChildProcess[] = [];

  const masterUrl = await masterUrlOrSimulator(children);

  const proxy = createProxyMiddleware({
    target: masterUrl,
    changeOrigin: true,
    ws: true,
    pathFilter: MASTER_PATHS,
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

  const assets = sirv(DIST, {
    single: true,
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders: (response, pathname) => {
      // Hashed bundles never change; index.html must always be revalidated to pick up a new build.
      const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(pathname);
      response.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) {
      response.setHeader(name, value);
    }
    if (isSessionProbe(request)) {
      void answerSessionProbe(request, response, masterUrl);
      return;
    }
    void proxy(request, response, () => assets(request, response));
  });
  server.on('upgrade', proxy.upgrade);
  server.listen(port, host, () => {
    console.log(`\nCloudAI Dashboard (production build): open http://${host}:${port}/  ·  master: ${masterUrl}\n`);
  });

  stopTogether(children);
  process.once('exit', () => server.close());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
