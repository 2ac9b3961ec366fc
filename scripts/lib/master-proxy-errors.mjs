// How the dashboard's servers (the development server and `npm run serve`) report a request to
// the master that got no answer. Plain JavaScript so that proxy.conf.mjs, which Angular loads
// without compiling, can use it too.
//
// The browser must be able to tell three failures apart, because they mean different things to
// an operator: the master cannot be reached at all (down, wrong address), the master took the
// request and closed the connection without answering (how the real master reports a crashed
// handler), or it accepted the connection but never answered in time (a hung or half-open master).

/** Response header naming the failure: `unreachable`, `dropped` or `timeout`. */
export const PROXY_ERROR_HEADER = 'X-CloudAI-Proxy-Error';

/** A master that accepts no TCP connection within this long is treated as unreachable. */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The longest the master may take to start answering. A cancel can hold the real master's lock
 * for 30 s and then wait for a container to stop, so DELETE gets longer than anything else.
 */
export function responseTimeoutMs(method, path) {
  return method === 'DELETE' && path.startsWith('/api/tasks/') ? 60_000 : 30_000;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
]);

/**
 * What kind of failure a proxy error is, with a sentence for the operator.
 * @param {NodeJS.ErrnoException} error
 * @param {string} masterUrl
 * @returns {{ kind: 'unreachable' | 'dropped' | 'timeout', message: string }}
 */
export function classifyProxyError(error, masterUrl) {
  const code = error.code ?? '';
  if (code === 'RESPONSE_TIMEOUT') {
    return {
      kind: 'timeout',
      message: `The CloudAI master at ${masterUrl} did not answer in time (${error.message}).`,
    };
  }
  if (UNREACHABLE_CODES.has(code)) {
    return { kind: 'unreachable', message: `The CloudAI master at ${masterUrl} cannot be reached (${error.message}).` };
  }
  return {
    kind: 'dropped',
    message: `The CloudAI master at ${masterUrl} closed the connection without answering (${error.message || code}).`,
  };
}

/**
 * Answers a failed proxied request: 502 (504 for a timeout) with the kind in a header and the
 * reason as text. A response already under way can only be cut off.
 * @param {import('node:http').ServerResponse | import('node:net').Socket} response
 */
export function answerProxyError(error, response, masterUrl) {
  const { kind, message } = classifyProxyError(error, masterUrl);
  if (!('writeHead' in response)) {
    // A WebSocket upgrade: there is no HTTP response left to write, only the socket to close.
    response.destroy();
    return kind;
  }
  if (response.headersSent) {
    response.destroy();
    return kind;
  }
  response.writeHead(kind === 'timeout' ? 504 : 502, {
    'Content-Type': 'text/plain; charset=utf-8',
    [PROXY_ERROR_HEADER]: kind,
  });
  response.end(`${message}\n`);
  return kind;
}

/**
 * Puts a connect timeout and a response timeout on one request to the master. The request is
 * destroyed with an error whose code says which one fired, so the error handler can say so.
 * @param {import('node:http').ClientRequest} proxyRequest
 * @param {number} responseMs 0 for none (WebSocket upgrades, which stay open)
 */
export function limitMasterRequest(proxyRequest, responseMs) {
  const fail = (code, message) => {
    const error = new Error(message);
    error.code = code;
    proxyRequest.destroy(error);
  };
  const connectTimer = setTimeout(
    () => fail('CONNECT_TIMEOUT', `no connection within ${CONNECT_TIMEOUT_MS / 1000} s`),
    CONNECT_TIMEOUT_MS,
  );
  const responseTimer =
    responseMs > 0
      ? setTimeout(() => fail('RESPONSE_TIMEOUT', `no answer within ${responseMs / 1000} s`), responseMs)
      : undefined;
  const connected = () => clearTimeout(connectTimer);
  const done = () => {
    clearTimeout(connectTimer);
    clearTimeout(responseTimer);
  };
  proxyRequest.once('socket', (socket) => {
    if (socket.connecting) socket.once('connect', connected);
    else connected();
  });
  proxyRequest.once('response', done);
  proxyRequest.once('upgrade', done);
  proxyRequest.once('close', done);
}
