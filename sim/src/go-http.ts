import type { FastifyReply, FastifyRequest } from 'fastify';

const HTML_SENSITIVE = /[<>&\u2028\u2029]/;

/**
 * Encodes like Go's json.Encoder: HTML-sensitive characters escaped, trailing newline.
 * Go also escapes U+2028/U+2029, which JSON.stringify leaves raw.
 */
export function goJson(value: unknown, trailingNewline = true): string {
  let text = JSON.stringify(value);
  // One scan in the common case instead of five replace passes over large list bodies.
  if (HTML_SENSITIVE.test(text)) {
    text = text
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029');
  }
  return trailingNewline ? `${text}\n` : text;
}

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  // A Buffer keeps Fastify from appending "; charset=utf-8", which Go does not send here.
  return reply.code(status).header('Content-Type', 'application/json').send(Buffer.from(goJson(body)));
}

/** JSON body whose Content-Type Go sniffs as text because the handler never set one (auth failure paths). */
export function sendSniffedJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).header('Content-Type', 'text/plain; charset=utf-8').send(goJson(body));
}

/** Mirrors http.Error. */
export function sendGoError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply
    .code(status)
    .header('Content-Type', 'text/plain; charset=utf-8')
    .header('X-Content-Type-Options', 'nosniff')
    .send(`${message}\n`);
}

export function sendNotFound(reply: FastifyReply): FastifyReply {
  return sendGoError(reply, 404, '404 page not found');
}

export function sendMethodNotAllowed(reply: FastifyReply): FastifyReply {
  return sendGoError(reply, 405, 'Method not allowed');
}

export function unixSeconds(ms: number = Date.now()): number {
  return Math.floor(ms / 1000);
}

/** What the real master does when a handler panics: Go's server closes the connection without writing a byte. */
export function dropConnection(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.hijack();
  request.raw.socket.destroy();
  return reply;
}
