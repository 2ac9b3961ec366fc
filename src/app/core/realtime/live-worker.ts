import { RealtimeConfig } from '../config/realtime-defaults';
import { RunningTask } from '../../shared/cloudai/telemetry.model';
import { ResourceAmounts, WorkerListEntry } from '../../shared/cloudai/worker.model';
import { oncePerObject } from '../../shared/state/once-per-object';
import { TelemetryChanges, TrackedWorker, TrackedWorkers, telemetryChangesOf, versionOf } from './tracked-worker';
import { UsageHistory } from './usage-history';

/** `active`: heartbeats arrive on time; `stale`: late (more than two periods); `inactive`: none for the master's 30 s, or never. */
export type WorkerStatus = 'active' | 'stale' | 'inactive';

/** One worker as the views show it: registry data (capacities, address) joined with live telemetry. */
export interface LiveWorker {
  readonly id: string;
  readonly address: string | null;
  readonly status: WorkerStatus;
  /** Usage in percent; `null` while the worker has never reported. */
  readonly cpuUsage: number | null;
  readonly memoryUsage: number | null;
  readonly gpuUsage: number | null;
  /**
   * From the registry only (telemetry carries none); `null` when unknown: a worker known only from
   * telemetry, one registered but never connected, or a master without a database (all report zeros).
   */
  readonly capacity: ResourceAmounts | null;
  readonly allocated: ResourceAmounts | null;
  readonly available: ResourceAmounts | null;
  readonly runningTasks: readonly RunningTask[];
  readonly runningTaskCount: number;
  /** Epoch ms of the last heartbeat; `null` if it never sent one. */
  readonly lastHeartbeat: number | null;
  /** Epoch ms of the registration; `null` when the registry does not say. */
  readonly registeredAt: number | null;
  readonly history: UsageHistory;
}

export interface FreshnessRules {
  readonly staleAfterMs: number;
  readonly inactiveAfterMs: number;
}

/** Late after two missed heartbeats; inactive after the master's own limit. */
export function freshnessRulesOf({
  heartbeatMs,
  inactiveAfterMs,
}: Pick<RealtimeConfig, 'heartbeatMs' | 'inactiveAfterMs'>): FreshnessRules {
  return { staleAfterMs: 2 * heartbeatMs, inactiveAfterMs };
}

/** The master never pushes a worker going quiet, so its status is derived from the age of its last heartbeat. */
export function toWorkerStatus(lastHeartbeat: number | null, now: number, rules: FreshnessRules): WorkerStatus {
  if (lastHeartbeat === null) {
    return 'inactive';
  }
  const age = now - lastHeartbeat;
  if (age > rules.inactiveAfterMs) {
    return 'inactive';
  }
  return age > rules.staleAfterMs ? 'stale' : 'active';
}

/** What each worker object was built from, so an unchanged worker is not rebuilt on every frame. */
const builtFrom = new WeakMap<LiveWorker, { entry: WorkerListEntry | undefined; tracked: TrackedWorker | undefined }>();

/**
 * Joins the registry list with live telemetry, by worker id, sorted by id. Either side may lack
 * a worker: registered but never connected (no telemetry), or reporting but unknown to the
 * registry (no capacities). With the previous result, a worker whose inputs and status did not
 * change keeps its object: this runs on every animation frame with a thousand workers, and
 * views that compare rows by reference then re-render only the workers that changed.
 */
export function toLiveWorkers(
  registry: readonly WorkerListEntry[],
  telemetry: TrackedWorkers,
  now: number,
  rules: FreshnessRules,
  previous: readonly LiveWorker[] = [],
): readonly LiveWorker[] {
  const registered = indexRegistry(registry);
  const patched = patchLiveWorkers(registered, telemetry, now, rules, previous);
  if (patched) return patched;
  const ids = sortedIds(registered, telemetry, previous);
  // Usually the same ids in the same order; when a worker joins, find the others by id.
  const previousById = ids.length === previous.length ? null : new Map(previous.map((worker) => [worker.id, worker]));
  const workers = ids.map((id, index) =>
    workerFor(id, registered, telemetry, previousById ? previousById.get(id) : previous[index], now, rules),
  );
  madeFrom.set(workers, { registered, telemetry, now });
  return workers;
}

/** What a list was made from, so the next one can be made from the changes alone. */
interface ListOrigin {
  readonly registered: ReadonlyMap<string, WorkerListEntry>;
  readonly telemetry: TrackedWorkers;
  readonly now: number;
  /** Where each worker is in the list, indexed the first time a list is patched (the order is kept by patches). */
  positions?: ReadonlyMap<string, number>;
}

const madeFrom = new WeakMap<readonly LiveWorker[], ListOrigin>();

/**
 * The previous list with only the workers that changed rebuilt, when the registry answer is the
 * same and telemetry differs from the previous list's by known updates (see `telemetryChangesOf`)
 * of workers already listed. A later time only rebuilds the workers whose status it changes. That
 * covers every telemetry digest and every clock tick between two registry answers: with 10,000
 * workers, a few dozen rebuilt instead of every one looked up. `null` when the whole list must be
 * made again.
 */
function patchLiveWorkers(
  registered: ReadonlyMap<string, WorkerListEntry>,
  telemetry: TrackedWorkers,
  now: number,
  rules: FreshnessRules,
  previous: readonly LiveWorker[],
): readonly LiveWorker[] | null {
  const inputs = madeFrom.get(previous);
  if (!inputs || inputs.registered !== registered) return null;
  const changes = inputs.telemetry === telemetry ? NO_CHANGES : telemetryChangesOf(telemetry);
  if (!changes || (changes !== NO_CHANGES && changes.from !== versionOf(inputs.telemetry))) return null;
  const index = (inputs.positions ??= new Map(previous.map((worker, position) => [worker.id, position])));
  let workers: LiveWorker[] | null = null;
  const replaced: number[] = [];
  const rebuild = (position: number, id: string): LiveWorker => {
    const worker = workerFor(id, registered, telemetry, previous[position], now, rules);
    if (worker !== previous[position]) {
      workers ??= [...previous];
      if (workers[position] === previous[position]) replaced.push(position);
      workers[position] = worker;
    }
    return worker;
  };
  if (inputs.now !== now) {
    previous.forEach((worker, position) => {
      if (worker.status !== toWorkerStatus(worker.lastHeartbeat, now, rules)) rebuild(position, worker.id);
    });
  }
  let latest = latestHeartbeats.get(previous);
  for (const id of changes.ids) {
    const position = index.get(id);
    if (position === undefined) return null;
    const worker = rebuild(position, id);
    if (latest !== undefined) latest = Math.max(latest, worker.lastHeartbeat ?? 0);
  }
  const made: readonly LiveWorker[] = workers ?? previous;
  madeFrom.set(made, { registered, telemetry, now, positions: index });
  if (workers) patches.set(made, { from: new WeakRef(previous), positions: replaced });
  if (latest !== undefined) latestHeartbeats.set(made, latest);
  return made;
}

/**
 * How a patched list differs from the list it was patched from. That list is held weakly: holding
 * it would hold the one before it, and so on, every list since the last full rebuild, and while the
 * page is hidden (no registry answers) every digest for as long as it stays hidden.
 */
interface LiveWorkersPatch {
  readonly from: WeakRef<readonly LiveWorker[]>;
  /** The positions holding a new worker object, each once. */
  readonly positions: readonly number[];
}

const patches = new WeakMap<readonly LiveWorker[], LiveWorkersPatch>();

/**
 * The positions where `after` may hold another worker object than `before`, for lists of the same
 * length: the few a digest changed when `after` was patched from `before`, so a reader holding
 * `before` looks at a handful of workers instead of every one; otherwise every position.
 */
export function positionsToCompare(before: readonly LiveWorker[], after: readonly LiveWorker[]): readonly number[] {
  const patch = patches.get(after);
  return patch?.from.deref() === before ? patch.positions : after.map((_, position) => position);
}

/** Telemetry the same as the previous list's. */
const NO_CHANGES: TelemetryChanges = { from: 0, ids: [] };

const latestHeartbeats = new WeakMap<readonly LiveWorker[], number>();

/** Epoch ms of the latest heartbeat of any worker of the list, 0 for none; kept up to date as lists are patched. */
export function latestHeartbeatOf(workers: readonly LiveWorker[]): number {
  let latest = latestHeartbeats.get(workers);
  if (latest === undefined) {
    latest = 0;
    for (const worker of workers) latest = Math.max(latest, worker.lastHeartbeat ?? 0);
    latestHeartbeats.set(workers, latest);
  }
  return latest;
}

/** A worker of the list: the previous object while its inputs and status are unchanged. */
function workerFor(
  id: string,
  registered: ReadonlyMap<string, WorkerListEntry>,
  telemetry: TrackedWorkers,
  candidate: LiveWorker | undefined,
  now: number,
  rules: FreshnessRules,
): LiveWorker {
  const entry = registered.get(id);
  const tracked = telemetry.get(id);
  const origin = candidate && builtFrom.get(candidate);
  if (
    candidate &&
    origin !== undefined &&
    origin.entry === entry &&
    origin.tracked === tracked &&
    candidate.status === toWorkerStatus(candidate.lastHeartbeat, now, rules)
  ) {
    return candidate;
  }
  const worker = sameOrNew(candidate, toLiveWorker(id, entry, tracked, now, rules));
  builtFrom.set(worker, { entry, tracked });
  return worker;
}

/** The registry's entries by worker id, made once per registry answer. */
const indexRegistry = oncePerObject(
  (registry: readonly WorkerListEntry[]): ReadonlyMap<string, WorkerListEntry> =>
    new Map(registry.map((entry) => [entry.worker_id, entry])),
);

/** The union of ids, sorted; the previous order when the set is unchanged (telemetry never forgets a worker). */
function sortedIds(
  registered: ReadonlyMap<string, WorkerListEntry>,
  telemetry: TrackedWorkers,
  previous: readonly LiveWorker[],
): readonly string[] {
  let union = telemetry.size;
  for (const id of registered.keys()) {
    if (!telemetry.has(id)) {
      union += 1;
    }
  }
  if (previous.length === union && previous.every((worker) => registered.has(worker.id) || telemetry.has(worker.id))) {
    return previous.map((worker) => worker.id);
  }
  return [...new Set([...registered.keys(), ...telemetry.keys()])].sort();
}

/**
 * Keeps the previous object when a rebuilt worker turns out equal, field by field, resource amounts
 * by value: every registry answer brings new objects for the same capacities, and would otherwise
 * re-render (and, through the data worker, resend) every worker every time.
 */
function sameOrNew(previous: LiveWorker | undefined, next: LiveWorker): LiveWorker {
  if (!previous) {
    return next;
  }
  const keys = Object.keys(next) as (keyof LiveWorker)[];
  return keys.every(
    (key) => previous[key] === next[key] || (AMOUNT_KEYS.has(key) && sameAmounts(previous[key], next[key])),
  )
    ? previous
    : next;
}

const AMOUNT_KEYS: ReadonlySet<keyof LiveWorker> = new Set(['capacity', 'allocated', 'available']);

function sameAmounts(a: unknown, b: unknown): boolean {
  const x = a as ResourceAmounts | null;
  const y = b as ResourceAmounts | null;
  return (
    x !== null && y !== null && x.cpu === y.cpu && x.memory === y.memory && x.storage === y.storage && x.gpu === y.gpu
  );
}

function toLiveWorker(
  id: string,
  entry: WorkerListEntry | undefined,
  tracked: TrackedWorker | undefined,
  now: number,
  rules: FreshnessRules,
): LiveWorker {
  const live = tracked?.telemetry;
  const lastHeartbeat = latestSeconds(live?.last_update, entry?.last_update, entry?.last_heartbeat);
  const hasUsage = live !== undefined || entry?.last_update !== undefined;
  const capacityKnown = entry !== undefined && !isAllZero(entry.total_resources);
  return {
    id,
    address: entry?.address || entry?.worker_ip || null,
    status: toWorkerStatus(lastHeartbeat, now, rules),
    cpuUsage: hasUsage ? (live?.cpu_usage ?? entry?.cpu_usage ?? null) : null,
    memoryUsage: hasUsage ? (live?.memory_usage ?? entry?.memory_usage ?? null) : null,
    gpuUsage: hasUsage ? (live?.gpu_usage ?? entry?.gpu_usage ?? null) : null,
    capacity: capacityKnown ? entry.total_resources : null,
    allocated: capacityKnown ? entry.allocated_resources : null,
    available: capacityKnown ? (entry.available_resources ?? availableFrom(entry)) : null,
    runningTasks: live?.running_tasks ?? NO_TASKS,
    runningTaskCount: live ? live.running_tasks.length : (entry?.running_tasks_count ?? 0),
    lastHeartbeat,
    registeredAt: entry?.registered_at ? entry.registered_at * 1000 : null,
    history: tracked?.history ?? UsageHistory.EMPTY,
  };
}

/** One empty list for every worker without telemetry, so rebuilding it does not make it look changed. */
const NO_TASKS: readonly RunningTask[] = [];

/** No machine has nothing at all: the master sends zeros for what it does not know. */
function isAllZero(amounts: ResourceAmounts): boolean {
  return amounts.cpu === 0 && amounts.memory === 0 && amounts.storage === 0 && amounts.gpu === 0;
}

/** Telemetry-only registry entries omit `available_resources`; derive it. */
function availableFrom(entry: WorkerListEntry): ResourceAmounts {
  const { total_resources: total, allocated_resources: allocated } = entry;
  return {
    cpu: total.cpu - allocated.cpu,
    memory: total.memory - allocated.memory,
    storage: total.storage - allocated.storage,
    gpu: total.gpu - allocated.gpu,
  };
}

/** The latest of several unix-second times, as epoch ms; 0 means "never" on the wire. */
function latestSeconds(...seconds: (number | undefined)[]): number | null {
  const known = seconds.filter((value): value is number => typeof value === 'number' && value > 0);
  return known.length ? Math.max(...known) * 1000 : null;
}
