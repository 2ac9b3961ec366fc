import { FailureKind, FailureSignature } from './failure-signature';

/** A failed task as read from its stored result. */
export interface FailedTask {
  readonly taskId: string;
  readonly image: string;
  /** `null` when the master kept no assignment. */
  readonly workerId: string | null;
  /** Unix seconds, the master's clock: the result's time, or the task's creation when there is none. */
  readonly failedAt: number;
  readonly signature: FailureSignature;
}

/** Failed tasks with the same image, kind of failure and masked last lines. */
export interface FailureGroup {
  /** Stable for the same failure: names the group in a URL. */
  readonly key: string;
  readonly image: string;
  readonly kind: FailureKind;
  readonly text: string;
  readonly count: number;
  /** Unix seconds. */
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly workers: readonly string[];
  /** Newest first. */
  readonly taskIds: readonly string[];
}

/** The key of the group a failure belongs to: a short hash of image, kind and signature text. */
export function failureKeyOf(image: string, signature: FailureSignature): string {
  const text = `${image}\u0000${signature.kind}\u0000${signature.text}`;
  // FNV-1a, 32 bits, twice with different offsets: short, stable, and collisions are harmless here.
  const hash = (offset: number) => {
    let value = offset;
    for (let index = 0; index < text.length; index += 1) {
      value ^= text.charCodeAt(index);
      value = Math.imul(value, 16777619) >>> 0;
    }
    return value.toString(36);
  };
  return `${hash(2166136261)}${hash(84696351)}`;
}

/** The group with this key among `failed`, or `null` when none of them failed that way. */
export function failureGroupOf(failed: readonly FailedTask[], key: string): FailureGroup | null {
  return groupFailures(failed).find((group) => group.key === key) ?? null;
}

/** Failures grouped by cause, the most frequent first, then the most recent. */
export function groupFailures(failed: readonly FailedTask[]): FailureGroup[] {
  const groups = new Map<string, { first: FailedTask; tasks: FailedTask[] }>();
  for (const task of failed) {
    const key = failureKeyOf(task.image, task.signature);
    const group = groups.get(key);
    if (group) group.tasks.push(task);
    else groups.set(key, { first: task, tasks: [task] });
  }
  return [...groups.entries()]
    .map(([key, { first, tasks }]): FailureGroup => {
      const newestFirst = [...tasks].sort((a, b) => b.failedAt - a.failedAt || b.taskId.localeCompare(a.taskId));
      return {
        key,
        image: first.image,
        kind: first.signature.kind,
        text: first.signature.text,
        count: tasks.length,
        firstSeen: newestFirst[newestFirst.length - 1].failedAt,
        lastSeen: newestFirst[0].failedAt,
        workers: [...new Set(tasks.flatMap((task) => (task.workerId === null ? [] : [task.workerId])))].sort(),
        taskIds: newestFirst.map((task) => task.taskId),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen);
}
