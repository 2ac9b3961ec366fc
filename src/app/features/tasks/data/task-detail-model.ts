import { TaskDetail, TaskFiles, TaskListEntry } from '../../../shared/cloudai/task.model';

/** The list entry of one task, once the list has loaded (`entry` is undefined when the master does not list it). */
export interface ListedTask {
  readonly loaded: boolean;
  readonly entry: TaskListEntry | undefined;
  readonly listError: string | null;
  /** The master runs without its database, so it lists no task at all. */
  readonly noDatabase: boolean;
}

/**
 * `GET /api/tasks/{id}` as a value: not asked (unfinished), loading, answered, no result yet (the
 * master drops the request until it has stored one; asked again meanwhile), or failed.
 */
export type DetailFetch =
  | { readonly kind: 'not-asked' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'value'; readonly detail: TaskDetail }
  | { readonly kind: 'no-result' }
  | { readonly kind: 'error'; readonly httpStatus: number; readonly message: string };

export type FilesFetch =
  | { readonly kind: 'not-asked' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'value'; readonly files: TaskFiles }
  | { readonly kind: 'none' }
  /** The master cannot or will not list them, and the dashboard did not ask: why. */
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'error'; readonly message: string };
