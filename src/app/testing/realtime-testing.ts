import { TestBed } from '@angular/core/testing';
import {
  NEVER,
  Observable,
  asyncScheduler,
  distinctUntilChanged,
  filter,
  map,
  of,
  queueScheduler,
  shareReplay,
} from 'rxjs';
import { WorkerTelemetry } from '../shared/cloudai/telemetry.model';
import { WorkerListEntry } from '../shared/cloudai/worker.model';
import { WorkersClient } from '../shared/cloudai/workers-client';
import { LoadState } from '../shared/streams/load-state';
import { TEST_REALTIME_CONFIG, testClock } from './realtime';
import { REALTIME_CONFIG, RealtimeConfig } from '../core/config/realtime-config';
import { BROWSER_ONLINE, CLOCK, PAGE_VISIBLE, RANDOM, RENDER_SCHEDULER } from '../core/realtime/browser-signals';
import { ConnectionState, SocketStatus } from '../core/realtime/connection-state';
import { LiveWorker } from '../core/realtime/live-worker';
import { LiveWorkersStore } from '../core/realtime/live-workers-store';
import { TELEMETRY_SOCKET_URL, WEB_SOCKET_FACTORY } from '../core/realtime/socket-factory';
import { CONNECTING } from '../core/realtime/socket-status';
import { TelemetryFeed } from '../core/realtime/telemetry-feed';
import { DATA_WORKER, DataWorker } from '../core/data-worker/data-worker';
import { TelemetryStore } from '../core/realtime/telemetry-store';
import { TrackedWorker, TrackedWorkers } from '../core/realtime/tracked-worker';
import { UsageHistory } from '../core/realtime/usage-history';
import { WorkerRegistry } from '../core/realtime/worker-registry';

// Set-ups and builders for the specs of core/realtime; not part of the app.

type WorkersAnswer = Observable<readonly WorkerListEntry[]>;

/** A fake `WorkersClient` recording when each request was made (virtual ms). */
function fakeWorkersClient(answer: (request: number) => WorkersAnswer) {
  const calls: number[] = [];
  const client = { listWorkers: () => answer(calls.push(asyncScheduler.now()) - 1) };
  return { calls, provider: { provide: WorkersClient, useValue: client } };
}

/** The n-th answer for the n-th request; the last one repeats. */
const inTurn = (answers: WorkersAnswer[]) => (request: number) => answers[Math.min(request, answers.length - 1)];

export interface TelemetrySetup {
  sockets: Observable<string>[];
  rest?: WorkersAnswer[];
  online?: Observable<boolean>;
  visible?: Observable<boolean>;
  config?: Partial<RealtimeConfig>;
  /** Whether someone allowed to see live data has opened the connection (default: yes). */
  connected?: boolean;
  /** The data worker this tab shares the socket through (default: none, the socket is the tab's own). */
  worker?: DataWorker;
}

/**
 * The real realtime stores over fake sockets (the n-th connection gets the n-th, the last
 * repeats) and fake `GET /api/workers` answers, recording when each request was made.
 */
export function setupTelemetry({
  sockets,
  rest = [NEVER],
  online = of(true),
  visible = of(true),
  config: overrides = {},
  connected = true,
  worker,
}: TelemetrySetup) {
  let connection = 0;
  const { calls: restCalls, provider } = fakeWorkersClient(inTurn(rest));
  TestBed.configureTestingModule({
    providers: [
      { provide: WEB_SOCKET_FACTORY, useValue: () => sockets[Math.min(connection++, sockets.length - 1)] },
      { provide: TELEMETRY_SOCKET_URL, useValue: 'ws://test/ws/telemetry' },
      { provide: REALTIME_CONFIG, useValue: { ...TEST_REALTIME_CONFIG, ...overrides } },
      { provide: BROWSER_ONLINE, useValue: online },
      { provide: PAGE_VISIBLE, useValue: visible },
      { provide: CLOCK, useValue: testClock() },
      { provide: RANDOM, useValue: () => 1 },
      { provide: RENDER_SCHEDULER, useValue: queueScheduler },
      { provide: DATA_WORKER, useValue: worker ?? null },
      provider,
    ],
  });
  const store = TestBed.inject(TelemetryStore);
  if (connected) store.connect();
  return { store, restCalls };
}

export const beat = (id: string, lastUpdate: number, cpu: number): WorkerTelemetry => ({
  worker_id: id,
  cpu_usage: cpu,
  memory_usage: 50,
  gpu_usage: 0,
  running_tasks: [],
  last_update: lastUpdate,
  is_active: true,
});

export const frame = (...entries: WorkerTelemetry[]) =>
  JSON.stringify(Object.fromEntries(entries.map((entry) => [entry.worker_id, entry])));

export const usage = (workers: TrackedWorkers) =>
  [...workers.values()].map(({ telemetry }) => `${telemetry.worker_id}=${telemetry.cpu_usage}`).join(',');

/** The reported workers and their cpu usage, once there are any. */
export const reported = (store: TelemetryStore) =>
  store.workers$.pipe(
    filter((workers) => workers.size > 0),
    map(usage),
  );

export const kinds = (connection$: Observable<ConnectionState>) =>
  connection$.pipe(
    map((state) => state.kind),
    distinctUntilChanged(),
  );

/** `WorkerRegistry` over a fake socket status and fake answers; `retries` records when the socket was told to reconnect. */
export function setupRegistry(status$: Observable<SocketStatus>, answers: WorkersAnswer[]) {
  const { calls, provider } = fakeWorkersClient(inTurn(answers));
  const retries: number[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: TelemetryFeed,
        useValue: {
          // Replayed to each new reader, as the real socket's status is.
          status$: status$.pipe(shareReplay({ bufferSize: 1, refCount: true })),
          retryNow: () => retries.push(asyncScheduler.now()),
        },
      },
      provider,
      // Registry every 200 ms, fallback every 50 ms.
      { provide: REALTIME_CONFIG, useValue: TEST_REALTIME_CONFIG },
      { provide: PAGE_VISIBLE, useValue: of(true) },
    ],
  });
  return { registry: TestBed.inject(WorkerRegistry), calls, retries };
}

/** `LiveWorkersStore` over fake telemetry and registry answers (`registry` makes each), with the socket connecting. */
export function setupLiveWorkers(
  telemetry: Observable<TrackedWorkers>,
  registry: () => WorkersAnswer,
  clockOffsetMs$: Observable<number> = of(0),
  connection$: Observable<Pick<ConnectionState, 'kind' | 'lastMessageAt'>> = NEVER,
) {
  const { calls: registryCalls, provider } = fakeWorkersClient(registry);
  TestBed.configureTestingModule({
    providers: [
      { provide: TelemetryStore, useValue: { workers$: telemetry, clockOffsetMs$, connection$ } },
      { provide: TelemetryFeed, useValue: { status$: of(CONNECTING) } },
      provider,
      { provide: REALTIME_CONFIG, useValue: TEST_REALTIME_CONFIG },
      { provide: CLOCK, useValue: testClock() },
      { provide: PAGE_VISIBLE, useValue: of(true) },
      { provide: RENDER_SCHEDULER, useValue: queueScheduler },
    ],
  });
  return { store: TestBed.inject(LiveWorkersStore), registryCalls };
}

/** A worker as telemetry tracks it; `lastUpdateMs` in virtual milliseconds (the wire has unix seconds). */
export const tracked = (id: string, lastUpdateMs: number): TrackedWorker => ({
  telemetry: {
    worker_id: id,
    cpu_usage: 40,
    memory_usage: 20,
    gpu_usage: 0,
    running_tasks: [],
    last_update: lastUpdateMs / 1000,
    is_active: true,
  },
  history: UsageHistory.EMPTY,
});

export const workersOf = (state: LoadState<readonly LiveWorker[]>) => (state.kind === 'ready' ? state.data : []);
