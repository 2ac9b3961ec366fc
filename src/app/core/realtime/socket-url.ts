import { Observable } from 'rxjs';
import { webSocket } from 'rxjs/webSocket';
import { underBase } from '../../shared/http/app-url';

/**
 * The master's sockets are on the page's own host, under the app's base: the dashboard proxies
 * them (never a fixed host or port). `wss:` behind https.
 */
export function socketUrl(path: string, base?: string): string {
  const url = new URL(underBase(path, base));
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export const TELEMETRY_SOCKET_PATH = '/ws/telemetry';

/**
 * A WebSocket opened on subscribe and closed on unsubscribe, emitting each frame's raw text
 * (parsing is the caller's, so a bad frame is counted rather than breaking the socket);
 * completes on a clean close; errors on a failed or dropped connection. Free of Angular.
 */
export function openTextSocket(url: string): Observable<string> {
  return webSocket<string>({ url, deserializer: (event) => String(event.data) });
}
