import type { TaskRecord, TaskStatus } from './model.ts';
import type { Quirks } from './quirks.ts';
import type { Random } from './random.ts';
import type { Store } from './store.ts';
import { seedBenchData, type SeededRun, type SeedSettings } from './bench-seed.ts';
import { CANCEL_LINE } from './log-script.ts';
import { defaultWorkers } from './worker-profiles.ts';

const RESTARTED_LINE = 'Task failed: simulator restarted while the task was running';
const SETTLED: ReadonlySet<TaskStatus> = new Set(['pending', 'completed', 'failed', 'cancelled']);

export interface StartupSettings extends Omit<SeedSettings, 'gpus'> {
  workers: number;
}

export interface StartupState {
  /** Seeded runs whose containers the cluster starts in start(). */
  seededRuns: SeededRun[];
  /** Pending tasks the scheduler queues again. */
  queued: TaskRecord[];
}

/**
 * Brings the store to where a master starting now would find it: default workers on first use, tasks cut
 * short by the last restart settled, and benchmark data in a fresh data directory.
 */
export function prepareStartupState(
  store: Store,
  rng: Random,
  settings: StartupSettings,
  quirks: Quirks,
): StartupState {
  const fresh = store.isFresh;
  if (store.workers === null) {
    store.workers = defaultWorkers(rng, settings.workers, Date.now());
    store.commit('workers');
  }
  failInterruptedTasks(store);
  let seededRuns: SeededRun[] = [];
  let seeded = false;
  if (fresh && (settings.seedTasks > 0 || settings.logLines > 0)) {
    seededRuns = seedBenchData(store, rng, { ...settings, gpus: !quirks.noGpus }, Date.now());
    store.commit('workers', 'tasks', 'results', 'assignments');
    seeded = true;
  }
  // Seeded pending tasks count as submitted by this process; older ones only a forgiving master re-queues.
  const requeue = seeded || !quirks.forgetsQueueOnRestart;
  return { seededRuns, queued: requeue ? store.tasks.filter((task) => task.status === 'pending') : [] };
}

/**
 * Containers do not survive a simulator restart: a task that had one (assigned, no result yet) is marked
 * failed with a log line saying why, and its resources are free again; one being cancelled gets its
 * cancellation result. Pending tasks are the scheduler's business (see above).
 */
function failInterruptedTasks(store: Store): void {
  const now = Date.now();
  let changed = false;
  for (const task of store.tasks) {
    const interrupted =
      !SETTLED.has(task.status) || (task.status === 'cancelled' && store.assignments.has(task.task_id));
    if (!interrupted || store.results.has(task.task_id)) continue;
    changed = true;
    const cancelled = task.status === 'cancelled';
    if (!cancelled) task.status = 'failed';
    task.completed_ms = now;
    store.results.set(task.task_id, {
      task_id: task.task_id,
      worker_id: store.assignments.get(task.task_id)?.worker_id ?? '',
      status: cancelled ? 'cancelled' : 'failed',
      logs: `${cancelled ? CANCEL_LINE : RESTARTED_LINE}\n`,
      completed_ms: now,
    });
  }
  if (changed) store.commit('tasks', 'results');
}
