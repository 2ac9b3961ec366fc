import { EMPTY, Observable, concat, map, mergeMap, of, share, timeout } from 'rxjs';
import { HubPort, TabMessage, WISH_EXPIRES_MS } from './protocol';

/** A tab's message, or its silence for {@link WISH_EXPIRES_MS}: the tab has gone. */
export type PortEvent = { readonly port: HubPort; readonly message: TabMessage | { readonly kind: 'silent' } };

/**
 * Every message of every tab, and once for each tab that falls silent (closed, crashed, frozen: a
 * SharedWorker cannot see a tab go) a `silent` event, after which its port is let go. Shared.
 */
export function portEvents(ports$: Observable<HubPort>): Observable<PortEvent> {
  return ports$.pipe(
    mergeMap((port) =>
      concat(
        port.messages$.pipe(timeout({ each: WISH_EXPIRES_MS, with: () => EMPTY })),
        of({ kind: 'silent' as const }),
      ).pipe(map((message): PortEvent => ({ port, message }))),
    ),
    share(),
  );
}
