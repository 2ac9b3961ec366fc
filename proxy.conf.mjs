// Dev-server proxy: the browser talks same-origin to the dashboard, which forwards the
// master's paths. The real master only allows CORS from http://localhost:3000, so a
// same-origin proxy is the only setup that works from any host and port.
import { answerProxyError, limitMasterRequest, responseTimeoutMs } from './scripts/lib/master-proxy-errors.mjs';
import { SESSION_PROBE_PATH, answerSessionProbe } from './scripts/lib/session-probe.mjs';

const target = process.env.CLOUDAI_MASTER_URL || 'http://127.0.0.1:8080';

/**
 * The development server (Vite) would answer every failure with a bare 500 and log a stack
 * trace, also for every log stream the master ends without a close frame. These handlers say
 * what happened, as `npm run serve` does; the handlers Vite registers after `configure` (for
 * errors and WebSocket sockets) are kept out so they neither overwrite the answer nor log it.
 */
function configure(proxy) {
  proxy.on('proxyReq', (proxyRequest, request) =>
    limitMasterRequest(proxyRequest, responseTimeoutMs(request.method ?? 'GET', request.url ?? '')),
  );
  proxy.on('proxyReqWs', (proxyRequest, request, socket) => {
    limitMasterRequest(proxyRequest, responseTimeoutMs('GET', request.url ?? ''));
    // The master ends log streams without a close frame: a reset browser-side socket is expected.
    socket.on('error', () => socket.destroy());
  });
  proxy.on('error', (error, request, response) => {
    const kind = answerProxyError(error, response, target);
    if (kind !== 'dropped') console.warn(`[proxy] ${request.method} ${request.url}: master ${kind} (${error.message})`);
  });
  const on = proxy.on.bind(proxy);
  proxy.on = (event, listener) => (event === 'error' || event === 'proxyReqWs' ? proxy : on(event, listener));
}

const forwarded = { target, changeOrigin: true, secure: false, configure };

/** The session probe is answered here, never forwarded: the development server returns once it is written. */
const sessionProbe = {
  target,
  bypass: async (request, response) => {
    await answerSessionProbe(request, response, target);
    return request.url;
  },
};

/** The configuration document, as `npm start` made it from its settings (the defaults otherwise). */
const configDocument = {
  target,
  bypass: (request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(process.env.CLOUDAI_DEV_CONFIG_SCRIPT ?? '');
    return request.url;
  },
};

export default {
  [SESSION_PROBE_PATH]: sessionProbe,
  '/_dashboard/config.js': configDocument,
  '/api': forwarded,
  '/ws': { ...forwarded, ws: true },
  '/health': forwarded,
  '/telemetry': forwarded,
};
