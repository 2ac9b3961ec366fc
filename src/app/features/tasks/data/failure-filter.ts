import { FailureGroup, failureGroupOf } from '../../../core/failures/failure-groups';
import { FailureOverview } from '../../../core/failures/failure-reader';
import { TasksPageVm } from './tasks-page-vm';

/** The task list narrowed to the tasks that failed one way (`?failure=<key>`, from the dashboard or a task's page). */
export interface FailureFilter {
  readonly key: string;
  /** `null` while no read failure has this key: still reading, or an old link. */
  readonly group: FailureGroup | null;
  readonly stillReading: number;
}

export function toFailureFilter(key: string, overview: FailureOverview): FailureFilter {
  return {
    key,
    group: failureGroupOf(overview.failures, key),
    stillReading: overview.examined - overview.read,
  };
}

/** `vm` with only the rows of the filter's group (none while the group is unknown). */
export function narrowToFailure(vm: TasksPageVm, filter: FailureFilter | null): TasksPageVm {
  if (!filter || vm.kind !== 'ready') return vm;
  const members = new Set(filter.group?.taskIds ?? []);
  return { ...vm, rows: vm.rows.filter((row) => members.has(row.task.task_id)) };
}
