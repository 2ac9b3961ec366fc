/**
 * The data worker: one task-list poll, one telemetry socket and one reader of failed tasks' stored
 * results for every tab of the dashboard in this browser (a SharedWorker), or for one tab where the
 * browser has no SharedWorker (a dedicated worker). Requests, parsing, validation, merging and comparison happen here, off the tabs' main
 * threads.
 */
import { Observable, ReplaySubject, Subject, fromEvent, map } from 'rxjs';
import { TaskDetail, TaskListEntry } from '../../shared/cloudai/task.model';
import { fetchAnswer, successJson } from '../../shared/http/fetch-answer';
import { runFailureHub } from '../failures/failure-hub';
import { FailureReader } from '../failures/failure-reader';
import { fetchTaskList } from '../task-list/fetch-task-list';
import { runTaskListHub } from '../task-list/task-list-hub';
import { HubMessage, HubPort, TabMessage } from './protocol';
import { deploymentOfWorker } from '../config/deployment';
import { DEFAULT_MAX_BACKOFF_MS } from '../config/polling-defaults';
import { realtimeConfigFor } from '../config/realtime-defaults';
import { TELEMETRY_SOCKET_PATH, openTextSocket, socketUrl } from '../realtime/socket-url';
import { telemetryConnection } from '../realtime/telemetry-connection';
import { runTelemetryHub } from '../realtime/telemetry-hub';

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
// The tab named the worker after the deployment's settings (see `dataWorkerName`).
const deployment = deploymentOfWorker(self.name);
const ports = new Subject<HubPort>();
const lists = new ReplaySubject<readonly TaskListEntry[]>(1);
runTaskListHub(ports, {
  request: () => fetchTaskList(),
  defaultIntervalMs: deployment.taskPollMs,
  maxBackoffMs: DEFAULT_MAX_BACKOFF_MS,
  lists,
}).subscribe();

runFailureHub(ports, {
  lists$: lists,
  reader: new FailureReader((taskId) =>
    fetchAnswer(`/api/tasks/${encodeURIComponent(taskId)}`).pipe(map((answer) => successJson<TaskDetail>(answer))),
  ),
}).subscribe();

const config = realtimeConfigFor(deployment);
runTelemetryHub(ports, {
  connect: (retryNow$) =>
    telemetryConnection({
      // The worker's script is served by the dashboard, under the app's base, which proxies the master's sockets.
      openSocket: () => openTextSocket(socketUrl(TELEMETRY_SOCKET_PATH, self.location.href)),
      silentSocketMs: config.silentSocketMs,
      policy: config.reconnect,
      random: Math.random,
      retryNow$,
    }),
  digestMs: config.viewCoalesceMs,
  online$: fromEvent(self, 'online'),
}).subscribe();

if ('onconnect' in scope) {
  scope.onconnect = (event) => ports.next(toHubPort(event.ports[0]));
} else {
  ports.next(toHubPort(scope));
}
