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
  /** Log sockets ever opened, per task, so a test can tell that a page never opened one. */
  private readonly logSocketsOpened = new Map<string, number>();
  /** Telemetry sockets ever opened, so a test can tell that a client opened a new one (or that tabs share one). */
  private telemetryOpened = 0;
  /** Sockets that stay open but get nothing more: a half-open connection, or a proxy that stopped forwarding. */
  private readonly stalled = new WeakSet<WebSocket>();

  add(socket: WebSocket, kind: SocketKind, taskId?: string): void {
    this.sockets.set(socket, { kind, taskId });
    if (kind === 'logs' && taskId !== undefined) this.logSocketsOpened.set(taskId, this.openedFor(taskId) + 1);
    if (kind === 'telemetry') this.telemetryOpened++;
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** Open sockets of one kind, optionally only those of one task. */
  count(kind: SocketKind, taskId?: string): number {
    let total = 0;
    for (const entry of this.sockets.values()) if (entry.kind === kind && (taskId === undefined || entry.taskId === taskId)) total++;
    return total;
  }

  /** Telemetry sockets opened since the master started, closed ones included. */
  get telemetrySocketsOpened(): number {
    return this.telemetryOpened;
  }

  openedFor(taskId: string): number {
    return this.logSocketsOpened.get(taskId) ?? 0;
  }

  /** Drops the connections without a close frame (clients see 1006), like a master that went away. */
  terminateAll(which: SocketSelector = {}): number {
    const selected = this.select(which);
    for (const socket of selected) socket.terminate();
    return selected.length;
  }

  /** Keeps the connections open but sends them nothing from now on; returns how many. */
  stallAll(which: SocketSelector = {}): number {
    const selected = this.select(which);
    for (const socket of selected) this.stalled.add(socket);
    return selected.length;
  }

  isStalled(socket: WebSocket): boolean {
    return this.stalled.has(socket);
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
      if (socket.readyState !== socket.OPEN || this.stalled.has(socket)) continue;
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
