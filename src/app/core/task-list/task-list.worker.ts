/**
 * The data worker: one task-list poll for every tab of the dashboard in this browser (a
 * SharedWorker), or for one tab where the browser has no SharedWorker (a dedicated worker).
 * Requests, parsing, validation and comparison happen here, off the tabs' main threads.
 */
import { Observable, Subject } from 'rxjs';
import { fetchTaskList } from './fetch-task-list';
import { HubPort, runTaskListHub } from './task-list-hub';
import { HubMessage, TabMessage } from './task-list-protocol';
import { DEFAULT_MAX_BACKOFF_MS, DEFAULT_TASKS_POLL_MS } from '../config/polling-defaults';

/** The two kinds of message endpoint a worker talks through: a SharedWorker's ports, a dedicated worker's own scope. */
interface Endpoint {
  postMessage(message: HubMessage): void;
  addEventListener(type: 'message', listener: (event: { data: TabMessage }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: TabMessage }) => void): void;
  start?(): void;
}

interface WorkerScope extends Endpoint {
  onconnect?: ((event: { ports: readonly Endpoint[] }) => void) | null;
}

let nextPortId = 0;

function toHubPort(endpoint: Endpoint): HubPort {
  const messages$ = new Observable<TabMessage>((subscriber) => {
    const listener = (event: { data: TabMessage }) => subscriber.next(event.data);
    endpoint.addEventListener('message', listener);
    endpoint.start?.();
    return () => endpoint.removeEventListener('message', listener);
  });
  return { id: nextPortId++, messages$, post: (message) => endpoint.postMessage(message) };
}

const scope = self as unknown as WorkerScope;
const ports = new Subject<HubPort>();
runTaskListHub(ports, {
  request: () => fetchTaskList(),
  defaultIntervalMs: DEFAULT_TASKS_POLL_MS,
  maxBackoffMs: DEFAULT_MAX_BACKOFF_MS,
}).subscribe();

if ('onconnect' in scope) {
  scope.onconnect = (event) => ports.next(toHubPort(event.ports[0]));
} else {
  ports.next(toHubPort(scope));
}
