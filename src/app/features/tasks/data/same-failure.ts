import { failureGroupOf, failureKeyOf } from '../../../core/failures/failure-groups';
import { FailureOverview } from '../../../core/failures/failure-reader';
import { failureSignatureOf } from '../../../core/failures/failure-signature';
import { TaskDetail } from '../../../shared/cloudai/task.model';

/** On a failed task's page: the other recent tasks that failed the same way. */
export interface SameFailure {
  /** The group's key, for the task list's `?failure=` link. */
  readonly key: string;
  readonly others: number;
  /** How many recent failures were compared. */
  readonly examined: number;
}

export function sameFailureOf(task: TaskDetail, overview: FailureOverview): SameFailure {
  const key = failureKeyOf(task.docker_image, failureSignatureOf(task.result?.logs ?? ''));
  const group = failureGroupOf(overview.failures, key);
  return {
    key,
    others: (group?.taskIds ?? []).filter((taskId) => taskId !== task.task_id).length,
    examined: overview.examined,
  };
}
