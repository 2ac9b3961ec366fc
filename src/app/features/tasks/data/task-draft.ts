import { Injectable } from '@angular/core';
import { USER_DATA_PREFIX } from '../../../core/auth/user-data';
import { injectPersistedValue } from '../../../shared/state/persisted-value';
import { TASK_TAGS, TaskListEntry, TaskSubmission } from '../../../shared/cloudai/task.model';

/** What the submit form holds; numbers may be blank while the user types. */
export interface TaskDraft {
  readonly docker_image: string;
  readonly command: string;
  readonly cpu_required: number | null;
  readonly memory_required: number | null;
  readonly storage_required: number | null;
  readonly gpu_required: number | null;
  readonly tag: string;
  readonly k_value: number;
  /** Whose task it is: `null` for whoever is signed in; a task run again keeps its original owner. */
  readonly owner: string | null;
}

export const EMPTY_DRAFT: TaskDraft = {
  docker_image: '',
  command: '',
  cpu_required: 1,
  memory_required: 2,
  storage_required: 10,
  gpu_required: 0,
  tag: 'cpu-light',
  k_value: 2,
  owner: null,
};

/** Keeps the half-filled submit form in this tab (sessionStorage) until it is submitted, so a reload loses nothing. */
@Injectable({ providedIn: 'root' })
export class TaskDraftStore {
  private readonly draft = injectPersistedValue<TaskDraft>({
    // This user's: removed on sign-out.
    key: `${USER_DATA_PREFIX}task-draft`,
    version: 1,
    area: 'session',
    fallback: EMPTY_DRAFT,
    parse: (stored) =>
      stored && typeof stored === 'object' ? { ...EMPTY_DRAFT, ...(stored as Partial<TaskDraft>) } : EMPTY_DRAFT,
  });

  read(): TaskDraft {
    return this.draft.value;
  }

  save(draft: TaskDraft): void {
    this.draft.set(draft);
  }

  clear(): void {
    this.draft.clear();
  }
}

/**
 * The request for a valid draft; `storage_required` is always sent (the master would default it
 * to 1024 GB), and the owner is the draft's or else `signedInAs` (the master's files are per owner).
 */
export function toSubmission(draft: TaskDraft, signedInAs: string | null): TaskSubmission {
  return {
    docker_image: draft.docker_image.trim(),
    command: draft.command.trim(),
    cpu_required: draft.cpu_required ?? 0,
    memory_required: draft.memory_required ?? 0,
    storage_required: draft.storage_required ?? 0,
    gpu_required: draft.gpu_required ?? 0,
    tag: TASK_TAGS.find((tag) => tag === draft.tag) ?? 'mixed',
    k_value: Math.round(draft.k_value * 10) / 10,
    user_id: draft.owner ?? signedInAs ?? '',
  };
}

/**
 * The form prefilled from an existing task, for "Run again". A tag outside the scheduler's six
 * becomes `mixed`, and a k of 0 (a CLI task without one) the default.
 */
export function toDraft(task: TaskListEntry): TaskDraft {
  return {
    docker_image: task.docker_image,
    command: task.command,
    cpu_required: task.cpu_required,
    memory_required: task.memory_required,
    storage_required: task.storage_required,
    gpu_required: task.gpu_required,
    tag: TASK_TAGS.find((tag) => tag === task.tag) ?? 'mixed',
    k_value: task.k_value >= 1.5 && task.k_value <= 2.5 ? task.k_value : EMPTY_DRAFT.k_value,
    // A task filed under no user (submitted elsewhere without one) becomes the signed-in user's.
    owner: task.user_id || null,
  };
}
