import type { WebSocket } from 'ws';

export type SocketKind = 'telemetry' | 'logs';

/** Every open WebSocket by kind: /health counts telemetry clients, the control API and shutdown drop them all. */
export class SocketRegistry {
  private readonly sockets = new Map<WebSocket, SocketKind>();

  add(socket: WebSocket, kind: SocketKind): void {
    this.sockets.set(socket, kind);
    socket.once('close', () => this.sockets.delete(socket));
  }

  count(kind: SocketKind): number {
    let total = 0;
    for (const value of this.sockets.values()) if (value === kind) total++;
    return total;
  }

  /** Drops every connection without a close frame (clients see 1006), like a master that went away. */
  terminateAll(): number {
    const total = this.sockets.size;
    for (const socket of [...this.sockets.keys()]) socket.terminate();
    return total;
  }

  /** Closes every connection with a proper close frame. */
  closeAll(code: number, reason: string): number {
    const total = this.sockets.size;
    for (const socket of [...this.sockets.keys()]) {
      try {
        socket.close(code, reason);
      } catch {
        // ws refuses reserved codes such as 1006; drop those connections instead.
        socket.terminate();
      }
    }
    return total;
  }
}
