import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { TELEMETRY_SOCKET_PATH, openTextSocket, socketUrl } from './socket-url';

/**
 * Opens a WebSocket for each subscription and closes it on unsubscribe. Emits each frame's raw
 * text (parsing is the caller's, so a bad frame is counted rather than breaking the socket);
 * completes on a clean close; errors on a failed or dropped connection.
 */
export type SocketFactory = (url: string) => Observable<string>;

export const WEB_SOCKET_FACTORY = new InjectionToken<SocketFactory>('WEB_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => openTextSocket,
});

/** The master's telemetry socket, on the page's own host, under the app's base. */
export const TELEMETRY_SOCKET_URL = new InjectionToken<string>('TELEMETRY_SOCKET_URL', {
  providedIn: 'root',
  factory: () => socketUrl(TELEMETRY_SOCKET_PATH, inject(DOCUMENT).baseURI),
});
