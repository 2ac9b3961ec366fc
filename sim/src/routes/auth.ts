import type { FastifyInstance, FastifyReply } from 'fastify';
import { AccountError, publicUser } from '../accounts.ts';
import { sendJson, sendMethodNotAllowed, sendSniffedJson } from '../go-http.ts';
import type { RouteContext } from './context.ts';

const COOKIE = 'auth_token';

function fail(reply: FastifyReply, message: string): FastifyReply {
  return sendSniffedJson(reply, 200, { success: false, message });
}

/** Reads `{...}` with string fields; anything else is the master's "Invalid request body". */
function readCredentials(raw: unknown): Record<string, string> | null {
  try {
    const parsed: unknown = JSON.parse(typeof raw === 'string' ? raw : '');
    if (parsed === null) return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (!['name', 'email', 'password'].includes(key) || value === null) continue;
      if (typeof value !== 'string') return null;
      fields[key] = value;
    }
    return fields;
  } catch {
    return null;
  }
}

/** §2. Registered only when the simulated master has a user database (not with --no-auth). */
export function authRoutes(app: FastifyInstance, { accounts }: RouteContext): void {
  app.all('/api/auth/register', async (request, reply) => {
    if (request.method !== 'POST') return sendMethodNotAllowed(reply);
    const body = readCredentials(request.body);
    if (!body) return fail(reply, 'Invalid request body');
    try {
      // No cookie on purpose: registering does not log the user in.
      const user = await accounts.register(body['name'] ?? '', body['email'] ?? '', body['password'] ?? '');
      return sendJson(reply, 200, { success: true, message: 'Registration successful', user: publicUser(user) });
    } catch (error) {
      if (error instanceof AccountError) return fail(reply, error.message);
      throw error;
    }
  });

  app.all('/api/auth/login', async (request, reply) => {
    if (request.method !== 'POST') return sendMethodNotAllowed(reply);
    const body = readCredentials(request.body);
    if (!body) return fail(reply, 'Invalid request body');
    try {
      const { user, token, expires } = await accounts.login(body['email'] ?? '', body['password'] ?? '');
      reply.setCookie(COOKIE, token, { path: '/', expires, httpOnly: true, sameSite: 'lax' });
      return sendJson(reply, 200, { success: true, message: 'Login successful', user: publicUser(user), visit_count: user.visit_count });
    } catch (error) {
      if (error instanceof AccountError) return fail(reply, error.message);
      throw error;
    }
  });

  app.all('/api/auth/logout', async (request, reply) => {
    if (request.method !== 'POST') return sendMethodNotAllowed(reply);
    reply.setCookie(COOKIE, '', { path: '/', expires: new Date(0), maxAge: 0, httpOnly: true });
    return sendJson(reply, 200, { success: true, message: 'Logout successful' });
  });

  app.all('/api/auth/me', async (request, reply) => {
    const token = request.cookies[COOKIE];
    if (!token) return sendJson(reply, 401, { error: 'Unauthorized: No authentication token' });
    const email = await accounts.verify(token);
    if (email === null) return sendJson(reply, 401, { error: 'Unauthorized: Invalid token' });
    if (request.method !== 'GET') return sendMethodNotAllowed(reply);
    const user = accounts.find(email);
    if (!user) return fail(reply, 'User not found');
    return sendJson(reply, 200, { success: true, message: 'User retrieved successfully', user: publicUser(user) });
  });
}
