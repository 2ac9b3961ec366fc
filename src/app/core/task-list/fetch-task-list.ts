import { Observable, map } from 'rxjs';
import { ParsedList, TASK_LIST_ANSWER, parseTaskList } from '../../shared/cloudai/parse-rest-lists';
import { readAnswerText } from '../../shared/cloudai/read-answer';
import { TaskListEntry } from '../../shared/cloudai/task.model';
import { FetchFn, fetchAnswer, successText } from '../../shared/http/fetch-answer';

/**
 * `GET /api/tasks` as the data worker makes it (no Angular there): the readable entries and how
 * many were left out. Fails with a `MasterFailureError` saying what kind of failure it was, as the
 * page's requests do. Cold; unsubscribing aborts the request.
 */
export function fetchTaskList(fetchFn?: FetchFn): Observable<ParsedList<TaskListEntry>> {
  return fetchAnswer('/api/tasks', { fetchFn }).pipe(
    map((answer) => readAnswerText(successText(answer), TASK_LIST_ANSWER, parseTaskList)),
  );
}
