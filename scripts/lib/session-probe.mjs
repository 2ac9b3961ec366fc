// The dashboard servers' session probe (`GET /_dashboard/session`). Plain JavaScript so that
// proxy.conf.mjs, which Angular loads without compiling, can use it too.
//
// The master's only way to say "nobody is signed in" is `401` from `GET /api/auth/me`, and a
// browser logs every non-2xx answer to the console, so every signed-out visit would start with
// an error line. The probe asks the master on the browser's behalf (with its cookie) and hands back
// what it answered inside a `200`: `{ "status": 401, "body": {...} }`. Only a master that gave no
// answer at all is an error here, reported like any other proxied request.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { answerProxyError, limitMasterRequest } from './master-proxy-errors.mjs';

/** Where the dashboard's own servers answer; outside every path the master uses. */
export const SESSION_PROBE_PATH = '/_dashboard/session';

const PROBE_TIMEOUT_MS = 10_000;

/** Whether a request is for the probe (any query string is ignored). */
export function isSessionProbe(request) {
  return request.method === 'GET' && (request.url ?? '').split('?')[0] === SESSION_PROBE_PATH;
}

/**
 * Answers the probe for one browser request by asking the master's `/api/auth/me` with the
 * browser's cookie.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {string} masterUrl
 * @returns {Promise<void>} settles once the answer is written
 */
export function answerSessionProbe(request, response, masterUrl) {
  return new Promise((resolve) => {
    const url = new URL('/api/auth/me', masterUrl);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const cookie = request.headers.cookie;
    const toMaster = send(url, { method: 'GET', headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) } });
    limitMasterRequest(toMaster, PROBE_TIMEOUT_MS);
    toMaster.on('response', (answer) => {
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('error', (error) => {
        answerProxyError(error, response, masterUrl);
        resolve();
      });
      answer.on('end', () => {
        response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(JSON.stringify({ status: answer.statusCode ?? 0, body: parseBody(Buffer.concat(chunks)) }));
        resolve();
      });
    });
    toMaster.on('error', (error) => {
      answerProxyError(error, response, masterUrl);
      resolve();
    });
    toMaster.end();
  });
}

/** The master's body as JSON when it is JSON (its 404 is plain text), else as text. */
function parseBody(bytes) {
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
