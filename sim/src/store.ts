import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync, existsSync, unlinkSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AssignmentRecord, ResultRecord, TaskRecord, UserRecord, WorkerRecord } from './model.ts';

type Collection = 'tasks' | 'results' | 'assignments' | 'workers' | 'users';
const TASK_COLLECTIONS: readonly Collection[] = ['tasks', 'results', 'assignments'];

/** How long a background change may sit in memory before it reaches disk, unless the store is told otherwise. */
export const DEFAULT_FLUSH_MS = 200;

function tempPath(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** Replaces the file in one step so a crash leaves either the old or the new version, never half of one. */
export function writeFileAtomic(path: string, contents: string): void {
  const temp = tempPath(path);
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    throw error;
  }
}

/**
 * The data directory: one JSON file per collection, held in memory and rewritten whole.
 * `commit` writes before returning (for anything a response acknowledges); `touch` batches background changes.
 * Without `persistTasks` (a master without a database) tasks, results and assignments live in memory only.
 */
export class Store {
  readonly tasks: TaskRecord[];
  readonly results: Map<string, ResultRecord>;
  readonly assignments: Map<string, AssignmentRecord>;
  /** Null when the data directory has never held a registry, so default workers should be created. */
  workers: WorkerRecord[] | null;
  readonly users: Map<string, UserRecord>;
  readonly jwtSecret: Uint8Array;

  private readonly dirty = new Set<Collection>();
  private flushTimer: NodeJS.Timeout | undefined;
  /** Per collection, the number of the latest write started; an older background write never replaces a newer file. */
  private readonly generation = new Map<Collection, number>();
  /** Collections whose latest write is a background one not yet renamed into place. */
  private readonly inFlight = new Set<Collection>();
  /** Results never change once stored, so each is encoded once (results.json holds every log). */
  private readonly encodedResults = new WeakMap<ResultRecord, string>();
  /** tasks by id: lookups happen per heartbeat, per request and per log socket, so no linear scans. */
  private readonly taskIndex = new Map<string, TaskRecord>();

  /** Collections never read from or written to disk. */
  private readonly volatile: ReadonlySet<Collection>;

  constructor(
    private readonly dir: string,
    private readonly flushMs = DEFAULT_FLUSH_MS,
    persistTasks = true,
  ) {
    mkdirSync(dir, { recursive: true });
    this.volatile = new Set(persistTasks ? [] : TASK_COLLECTIONS);
    this.tasks = this.read<TaskRecord[]>('tasks') ?? [];
    for (const task of this.tasks) this.taskIndex.set(task.task_id, task);
    this.results = new Map((this.read<ResultRecord[]>('results') ?? []).map((r) => [r.task_id, r]));
    this.assignments = new Map((this.read<AssignmentRecord[]>('assignments') ?? []).map((a) => [a.task_id, a]));
    this.workers = this.read<WorkerRecord[]>('workers');
    this.users = new Map((this.read<UserRecord[]>('users') ?? []).map((u) => [u.email, u]));
    this.jwtSecret = this.loadSecret();
  }

  /** The only way a task enters the store, so the index stays complete. */
  addTask(task: TaskRecord): void {
    this.tasks.push(task);
    this.taskIndex.set(task.task_id, task);
  }

  findTask(taskId: string): TaskRecord | undefined {
    return this.taskIndex.get(taskId);
  }

  /** True when the directory held no state at all before this process (seeding happens only then). */
  get isFresh(): boolean {
    return this.workers === null && this.tasks.length === 0 && this.results.size === 0;
  }

  commit(...collections: Collection[]): void {
    for (const name of collections) {
      if (this.volatile.has(name)) continue;
      this.dirty.delete(name);
      this.write(name);
    }
  }

  touch(...collections: Collection[]): void {
    const stored = collections.filter((name) => !this.volatile.has(name));
    if (stored.length === 0) return;
    for (const name of stored) this.dirty.add(name);
    this.flushTimer ??= setTimeout(() => this.flushInBackground(), this.flushMs);
  }

  /** Writes every pending change before returning, including any background write still on its way. */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const pending = new Set([...this.dirty, ...this.inFlight]);
    this.dirty.clear();
    for (const name of pending) this.write(name);
  }

  /** Debounced writes: encoded on the event loop, written and fsynced off it, then renamed unless a newer write started. */
  private flushInBackground(): void {
    this.flushTimer = undefined;
    const pending = [...this.dirty];
    this.dirty.clear();
    for (const name of pending) {
      const generation = this.nextGeneration(name);
      const path = join(this.dir, `${name}.json`);
      const temp = tempPath(path);
      const contents = this.encode(name);
      this.inFlight.add(name);
      void (async () => {
        try {
          const handle = await open(temp, 'w', 0o600);
          try {
            await handle.writeFile(contents);
            await handle.sync();
          } finally {
            await handle.close();
          }
          // Synchronous from the check to the rename, so a newer write (background or commit) always wins.
          if (this.generation.get(name) === generation) {
            renameSync(temp, path);
            this.inFlight.delete(name);
          } else {
            await unlink(temp);
          }
        } catch {
          await unlink(temp).catch(() => undefined);
          // Written again by the next flush (no timer of its own, so a removed directory cannot cause a retry loop).
          if (this.generation.get(name) === generation) this.dirty.add(name);
        }
      })();
    }
  }

  private nextGeneration(name: Collection): number {
    const generation = (this.generation.get(name) ?? 0) + 1;
    this.generation.set(name, generation);
    return generation;
  }

  private encode(name: Collection): string {
    if (name === 'results') {
      const parts: string[] = [];
      for (const record of this.results.values()) {
        let encoded = this.encodedResults.get(record);
        if (encoded === undefined) this.encodedResults.set(record, (encoded = JSON.stringify(record)));
        parts.push(encoded);
      }
      return `[${parts.join(',')}]`;
    }
    const data =
      name === 'tasks' ? this.tasks
      : name === 'assignments' ? [...this.assignments.values()]
      : name === 'workers' ? (this.workers ?? [])
      : [...this.users.values()];
    return JSON.stringify(data);
  }

  private write(name: Collection): void {
    this.nextGeneration(name);
    this.inFlight.delete(name);
    writeFileAtomic(join(this.dir, `${name}.json`), this.encode(name));
  }

  private read<T>(name: Collection): T | null {
    if (this.volatile.has(name)) return null;
    const path = join(this.dir, `${name}.json`);
    if (!existsSync(path)) return null;
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  }

  /** One random secret per data directory, so tokens survive a restart but never use the master's hard-coded default. */
  private loadSecret(): Uint8Array {
    const path = join(this.dir, 'jwt-secret');
    if (!existsSync(path)) writeFileAtomic(path, randomBytes(32).toString('hex'));
    return new TextEncoder().encode(readFileSync(path, 'utf8').trim());
  }
}
