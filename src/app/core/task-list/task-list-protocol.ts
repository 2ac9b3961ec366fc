import { PollState } from '../../shared/streams/load-state';
import { TaskListDelta } from './task-list-delta';

/** What a tab tells the data worker. */
export type TabMessage =
  /** The tab reads the task list: at what interval, and whether it is visible. Sent on every change. */
  | { readonly kind: 'want'; readonly intervalMs: number; readonly visible: boolean }
  /** The tab is still there: sent every {@link WISH_RENEW_MS} for its whole life, since a worker cannot see a tab go. */
  | { readonly kind: 'alive' }
  /** Fetch now (for every tab), cancelling a request in flight. */
  | { readonly kind: 'refresh' }
  /** The tab no longer reads the task list (its page changed, or it is closing). */
  | { readonly kind: 'leave' };

/** What the data worker tells a tab. */
export type HubMessage =
  /** The poll's state; a ready state carries what changed since the last state this tab was sent. */
  | { readonly kind: 'poll'; readonly state: PollState<TaskListDelta> }
  /** How many entries of the latest answer were unreadable and left out. */
  | { readonly kind: 'malformed'; readonly rejected: number }
  /** The master answered 401: the session has ended, and each tab checks its own. */
  | { readonly kind: 'unauthorized' };

/** How often a tab says it is still there. */
export const WISH_RENEW_MS = 10_000;

/**
 * A tab silent for this long has gone (closed, crashed, frozen): its wish is dropped and its port
 * let go. Well above a minute, as browsers run a hidden tab's timers only about once a minute.
 */
export const WISH_EXPIRES_MS = 150_000;
