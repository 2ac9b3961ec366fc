import { Observable } from 'rxjs';
import { ParsedList, TASK_LIST_ANSWER, parseTaskList } from '../../shared/cloudai/parse-rest-lists';
import { readAnswerText } from '../../shared/cloudai/read-answer';
import { TaskListEntry } from '../../shared/cloudai/task.model';
import { MasterFailureError, PROXY_ERROR_HEADER, failureOfAnswer } from '../../shared/http/master-failure';
import { REQUEST_TIMEOUT_MS, failAfter } from '../http/request-timeouts';

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/**
 * `GET /api/tasks` with `fetch`, as the data worker makes it (no Angular there): the readable
 * entries and how many were left out. Fails with a {@link MasterFailureError} saying what kind
 * of failure it was, as the page's HttpClient path does. Cold; unsubscribing aborts the request.
 */
export function fetchTaskList(
  fetchFn: FetchFn = (url, init) => fetch(url, init),
): Observable<ParsedList<TaskListEntry>> {
  return new Observable<ParsedList<TaskListEntry>>((subscriber) => {
    const controller = new AbortController();
    fetchFn('/api/tasks', { credentials: 'same-origin', signal: controller.signal })
      .then(async (response) => ({ response, body: await response.text() }))
      // fetch rejects with a TypeError when nothing answered or the connection dropped mid-answer.
      .catch((error: unknown) => {
        throw error instanceof TypeError ? new MasterFailureError({ kind: 'network' }) : error;
      })
      .then(({ response, body }) => {
        if (!response.ok) {
          throw new MasterFailureError(
            failureOfAnswer({
              status: response.status,
              statusText: response.statusText,
              proxyError: response.headers.get(PROXY_ERROR_HEADER),
              body: body.trim(),
            }),
          );
        }
        return readAnswerText(body, TASK_LIST_ANSWER, parseTaskList);
      })
      .then(
        (parsed) => {
          subscriber.next(parsed);
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(error),
      );
    return () => controller.abort();
  }).pipe(failAfter(REQUEST_TIMEOUT_MS));
}
