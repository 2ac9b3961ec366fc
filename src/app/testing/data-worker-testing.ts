import { Observable, Subject } from 'rxjs';
import { HubMessage, HubPort, TabEndpoint, TabMessage } from '../core/data-worker/protocol';

// Both ends of the data worker's conversation, faked for the specs of its hubs and their tab sides.

/** The worker end as a tab sees it: records what the tab says, and delivers what a test sends. */
export function fakeWorkerEndpoint() {
  const said: TabMessage[] = [];
  const incoming = new Subject<HubMessage>();
  const endpoint: TabEndpoint = {
    postMessage: (message) => said.push(message),
    addEventListener: (_type, listener) => incoming.subscribe((data) => listener({ data } as MessageEvent<HubMessage>)),
    removeEventListener: () => incoming.complete(),
  };
  return { endpoint, said, send: (message: HubMessage) => incoming.next(message) };
}

/** A tab as a hub sees it: its messages are `messages$`; records what it is sent, with when (`now`). */
export function fakeTabPort(id: number, messages$: Observable<TabMessage>, now: () => number) {
  const received: { at: number; message: HubMessage }[] = [];
  const port: HubPort = { id, messages$, post: (message) => received.push({ at: now(), message }) };
  return { port, received };
}
