import { Injectable } from '@angular/core';
import { EMPTY, Observable, fromEvent, map } from 'rxjs';

const CHANNEL = 'cloudai-session';

/**
 * Tells the other tabs of this browser that this one signed in or out, so each checks its own
 * session at once: signing out in one tab signs out all (the real master checks the session only
 * when asked, so they would otherwise carry on until their next check).
 */
@Injectable({ providedIn: 'root' })
export class SessionBroadcast {
  private readonly channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

  /** Another tab signed in or out. Hot; no replay; never completes. */
  readonly changedElsewhere$: Observable<void> = this.channel
    ? fromEvent(this.channel, 'message').pipe(map(() => undefined))
    : EMPTY;

  announce(): void {
    this.channel?.postMessage('changed');
  }
}
