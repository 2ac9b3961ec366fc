import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { WEB_SOCKET_FACTORY } from '../../../core/realtime/socket-factory';
import { socketUrl } from '../../../core/realtime/socket-url';

/** The live log socket of the master (contract §7.3). I/O only: each method returns a cold Observable. */
@Injectable({ providedIn: 'root' })
export class LogsClient {
  private readonly openSocket = inject(WEB_SOCKET_FACTORY);
  private readonly base = inject(DOCUMENT).baseURI;

  /**
   * `/ws/tasks/{id}/logs` on the page's own host: one socket per subscription, closed on
   * unsubscribe. Emits each frame's raw text, left for `parseLogMessage` so a bad frame is
   * counted rather than ending the stream. Cold; completes on a clean close; errors (with the
   * `CloseEvent`) when the connection fails or drops.
   */
  taskLogFrames(taskId: string): Observable<string> {
    return this.openSocket(socketUrl(`/ws/tasks/${encodeURIComponent(taskId)}/logs`, this.base));
  }
}
