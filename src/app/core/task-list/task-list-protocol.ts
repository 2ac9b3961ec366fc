import { PollState } from '../../shared/streams/load-state';
import { TaskListDelta } from './task-list-delta';

/** What a tab tells the data worker. */
export type TabMessage =
  /**
   * The tab reads the task list: at what interval, and whether it is visible. Sent on every change
   * and again every {@link WISH_RENEW_MS}, since a worker cannot tell that a tab has gone.
   */
  | { readonly kind: 'want'; readonly intervalMs: number; readonly visible: boolean }
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

/** How often a tab repeats its wish. */
export const WISH_RENEW_MS = 10_000;

/** A wish not repeated for this long belongs to a tab that has gone (closed, crashed, frozen). */
export const WISH_EXPIRES_MS = 3 * WISH_RENEW_MS;
