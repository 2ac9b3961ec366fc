import { TaskListEntry, isFinishedStatus } from '../../../shared/cloudai/task.model';

/** Whether the master can be asked for a task's output files, and if not, why. */
export type FilesAccess =
  { readonly kind: 'ask' } | { readonly kind: 'not-yet' } | { readonly kind: 'cannot'; readonly reason: string };

/**
 * The master's file routes have no sign-in of their own: the caller names itself and the owner,
 * and only the owner (or `admin`) may list. The dashboard asks as the signed-in user, for tasks of
 * that user, and only where the master can answer, so it never sends a request bound to fail.
 */
export function filesAccess(task: TaskListEntry, signedInAs: string | null): FilesAccess {
  if (!isFinishedStatus(task.status) || task.status === 'cancelled') {
    return { kind: 'not-yet' };
  }
  if (task.user_id === '') {
    return {
      kind: 'cannot',
      reason:
        'This task was submitted without a user id, and the master files output files by user, so they cannot be listed.',
    };
  }
  if (signedInAs === null) {
    return {
      kind: 'cannot',
      reason:
        'Output files cannot be listed without signing in: the master shows them only to the user who submitted the task.',
    };
  }
  if (signedInAs !== task.user_id) {
    return {
      kind: 'cannot',
      reason: `These output files belong to ${task.user_id}: the master shows them only to the user who submitted the task.`,
    };
  }
  if (task.docker_image.includes('/')) {
    return {
      kind: 'cannot',
      reason:
        'The master cannot list output files of tasks whose image name contains “/” (it files them one folder too deep), even when they exist.',
    };
  }
  return { kind: 'ask' };
}
