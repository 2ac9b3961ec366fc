import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync, existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AssignmentRecord, ResultRecord, TaskRecord, UserRecord, WorkerRecord } from './model.ts';

type Collection = 'tasks' | 'results' | 'assignments' | 'workers' | 'users';

/** How long a background change may sit in memory before it reaches disk. */
const FLUSH_DELAY_MS = 200;

/** Replaces the file in one step so a crash leaves either the old or the new version, never half of one. */
export function writeFileAtomic(path: string, contents: string): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
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

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.tasks = this.read<TaskRecord[]>('tasks') ?? [];
    this.results = new Map((this.read<ResultRecord[]>('results') ?? []).map((r) => [r.task_id, r]));
    this.assignments = new Map((this.read<AssignmentRecord[]>('assignments') ?? []).map((a) => [a.task_id, a]));
    this.workers = this.read<WorkerRecord[]>('workers');
    this.users = new Map((this.read<UserRecord[]>('users') ?? []).map((u) => [u.email, u]));
    this.jwtSecret = this.loadSecret();
  }

  commit(...collections: Collection[]): void {
    for (const name of collections) {
      this.dirty.delete(name);
      this.write(name);
    }
  }

  touch(...collections: Collection[]): void {
    for (const name of collections) this.dirty.add(name);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const pending = [...this.dirty];
    this.dirty.clear();
    for (const name of pending) this.write(name);
  }

  private write(name: Collection): void {
    const data =
      name === 'tasks' ? this.tasks
      : name === 'results' ? [...this.results.values()]
      : name === 'assignments' ? [...this.assignments.values()]
      : name === 'workers' ? (this.workers ?? [])
      : [...this.users.values()];
    writeFileAtomic(join(this.dir, `${name}.json`), JSON.stringify(data));
  }

  private read<T>(name: string): T | null {
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
