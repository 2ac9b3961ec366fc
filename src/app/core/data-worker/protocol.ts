import { Observable } from 'rxjs';
import { PollState } from '../../shared/streams/load-state';
import { FailureOverview } from '../failures/failure-reader';
import { TelemetryDigest } from '../realtime/telemetry-digest';
import { TaskListDelta } from '../task-list/task-list-delta';

/** What a tab tells the data worker. */
export type TabMessage =
  /** The tab reads the task list: at what interval, and whether it is visible. Sent on every change. */
  | { readonly kind: 'want'; readonly intervalMs: number; readonly visible: boolean }
  /** The tab is still there: sent every {@link WISH_RENEW_MS} for its whole life, since a worker cannot see a tab go. */
  | { readonly kind: 'alive' }
  /** Fetch the task list now (for every tab), cancelling a request in flight. */
  | { readonly kind: 'refresh' }
  /** The tab no longer reads the task list (its page changed, or it is closing). */
  | { readonly kind: 'leave' }
  /**
   * The tab shows live telemetry: keep the socket open and send it the workers' changes, at most
   * every `everyMs` (a page showing only sums or once-a-second figures needs fewer digests than the
   * worker list). Sent again when the page, and so the pace, changes.
   */
  | { readonly kind: 'telemetry-on'; readonly everyMs?: number }
  /** The tab no longer shows live telemetry (sign-out, closing): the socket closes when no tab does. */
  | { readonly kind: 'telemetry-off' }
  /** Reconnect the socket now instead of waiting out its backoff: the tab was shown, or the master answers REST again. */
  | { readonly kind: 'telemetry-retry-now' }
  /** The tab shows recent failures: read the failed tasks' results and send it the overview. */
  | { readonly kind: 'failures-on' }
  /** The tab no longer shows recent failures: reading stops when no tab does. */
  | { readonly kind: 'failures-off' };

/** What the data worker tells a tab. */
export type HubMessage =
  /** The poll's state; a ready state carries what changed since the last state this tab was sent. */
  | { readonly kind: 'poll'; readonly state: PollState<TaskListDelta> }
  /** How many entries of the latest answer were unreadable and left out. */
  | { readonly kind: 'malformed'; readonly rejected: number }
  /** The master answered 401: the session has ended, and each tab checks its own. */
  | { readonly kind: 'unauthorized' }
  /** What the telemetry socket delivered since the last digest this tab was sent; the first one is a snapshot. */
  | { readonly kind: 'telemetry'; readonly digest: TelemetryDigest }
  /** What is known about recent failures: sent to a tab that shows them as results are read. */
  | { readonly kind: 'failures'; readonly overview: FailureOverview };

/** This tab's end of the data worker: a SharedWorker's port, or a dedicated worker. */
export interface TabEndpoint {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<HubMessage>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<HubMessage>) => void): void;
  start?(): void;
}

/** One tab's end of the conversation, as the worker's hubs see it. */
export interface HubPort {
  readonly id: number;
  readonly messages$: Observable<TabMessage>;
  post(message: HubMessage): void;
}

/** How often a tab says it is still there. */
export const WISH_RENEW_MS = 10_000;

/**
 * A tab silent for this long has gone (closed, crashed, frozen): its wish is dropped and its port
 * let go. Well above a minute, as browsers run a hidden tab's timers only about once a minute.
 */
export const WISH_EXPIRES_MS = 150_000;
