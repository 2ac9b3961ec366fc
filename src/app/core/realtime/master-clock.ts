import { Injectable, inject } from '@angular/core';
import { Observable, combineLatest, map, shareReplay } from 'rxjs';
import { CLOCK } from './browser-signals';
import { TelemetryStore } from './telemetry-store';

/**
 * The master's clock as this browser estimates it. Every time the master sends (a heartbeat, a
 * task's creation, an assignment) is on its clock, which can be minutes away from the browser's;
 * ages and freshness compare such times with this `now$`, never with the browser's own.
 */
@Injectable({ providedIn: 'root' })
export class MasterClock {
  /** The master's clock minus this browser's, in ms. Replays; never completes. */
  readonly offsetMs$: Observable<number> = inject(TelemetryStore).clockOffsetMs$;

  /** The master's time now (epoch ms), once a second. Shared while subscribed; replays; never completes. */
  readonly now$: Observable<number> = combineLatest([inject(CLOCK), this.offsetMs$]).pipe(
    map(([now, offset]) => now + offset),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
}
