import { Injectable, inject } from '@angular/core';
import { Observable, distinctUntilChanged, scan, shareReplay, startWith } from 'rxjs';
import { HealthClient } from '../../shared/cloudai/health-client';
import { Fetched } from '../../shared/streams/fetched';
import { poll } from '../../shared/streams/poll';
import { POLLING_CONFIG } from '../config/polling-config';
import { MasterConnection } from './master-connection';

const CONNECTING: MasterConnection = { state: 'connecting' };

/** The master's reachability for the toolbar chip. */
@Injectable({ providedIn: 'root' })
export class ConnectionStore {
  private readonly health = inject(HealthClient);
  private readonly periodMs = inject(POLLING_CONFIG).healthMs;

  /** Cold until subscribed, shared while subscribed; replays the latest state; never completes. */
  readonly connection$: Observable<MasterConnection> = poll(() => this.health.fetchHealth(), this.periodMs).pipe(
    scan(toConnection, CONNECTING),
    startWith(CONNECTING),
    distinctUntilChanged((a, b) => a.state === b.state && lastContactOf(a) === lastContactOf(b)),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
}

export function toConnection(previous: MasterConnection, fetched: Fetched<unknown>): MasterConnection {
  if (fetched.kind === 'value') {
    return { state: 'reachable', lastContact: fetched.receivedAt };
  }
  return { state: 'unreachable', lastContact: lastContactOf(previous), reason: fetched.message };
}

function lastContactOf(connection: MasterConnection): number | null {
  return connection.state === 'connecting' ? null : connection.lastContact;
}
