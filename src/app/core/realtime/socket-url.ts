import { Observable } from 'rxjs';
import { webSocket } from 'rxjs/webSocket';

/** The master's sockets are on the page's own host: the dashboard proxies them (never a fixed host or port). */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>, path: string): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
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
