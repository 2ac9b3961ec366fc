import type { WebSocket } from 'ws';

export type SocketKind = 'telemetry' | 'logs';

/** Which sockets an operation applies to: every one, one kind, or the log sockets of one task. */
export interface SocketSelector {
  kind?: SocketKind;
  taskId?: string;
}

interface SocketEntry {
  kind: SocketKind;
  /** Set for log sockets. */
  taskId?: string;
}

/** Every open WebSocket by kind: /health counts telemetry clients, the control API and shutdown drop them all. */
export class SocketRegistry {
  private readonly sockets = new Map<WebSocket, SocketEntry>();

  add(socket: WebSocket, kind: SocketKind, taskId?: string): void {
    this.sockets.set(socket, { kind, taskId });
    socket.once('close', () => this.sockets.delete(socket));
  }

  count(kind: SocketKind): number {
    let total = 0;
    for (const entry of this.sockets.values()) if (entry.kind === kind) total++;
    return total;
  }

  /** Drops the connections without a close frame (clients see 1006), like a master that went away. */
  terminateAll(which: SocketSelector = {}): number {
    const selected = this.select(which);
    for (const socket of selected) socket.terminate();
    return selected.length;
  }

  /** Closes the connections with a proper close frame. */
  closeAll(code: number, reason: string, which: SocketSelector = {}): number {
    const selected = this.select(which);
    for (const socket of selected) {
      try {
        socket.close(code, reason);
      } catch {
        // ws refuses reserved codes such as 1006; drop those connections instead.
        socket.terminate();
      }
    }
    return selected.length;
  }

  /** Writes each text as one text frame, verbatim, to every selected open socket; returns how many sockets got them. */
  sendText(frames: readonly string[], which: SocketSelector): number {
    let reached = 0;
    for (const socket of this.select(which)) {
      if (socket.readyState !== socket.OPEN) continue;
      for (const frame of frames) socket.send(frame, { binary: false });
      reached++;
    }
    return reached;
  }

  private select({ kind, taskId }: SocketSelector): WebSocket[] {
    const selected: WebSocket[] = [];
    for (const [socket, entry] of this.sockets) {
      if ((kind === undefined || entry.kind === kind) && (taskId === undefined || entry.taskId === taskId)) selected.push(socket);
    }
    return selected;
  }
}
