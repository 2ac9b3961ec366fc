import { FailureGroup, groupFailures } from '../../../core/failures/failure-groups';
import { FailureOverview } from '../../../core/failures/failure-reader';

/** How far back the dashboard looks for failures. */
export const RECENT_FAILURES_MS = 60 * 60_000;
/** The groups the dashboard lists; the task list has the rest. */
export const TOP_GROUPS = 5;

export interface RecentFailures {
  /** When this was worked out (epoch ms, the master's clock, to the minute): what ages count from. */
  readonly at: number;
  /** The most frequent causes of the last hour, at most {@link TOP_GROUPS}. */
  readonly groups: readonly FailureGroup[];
  /** All groups of the last hour, and the failures in them. */
  readonly groupCount: number;
  readonly failureCount: number;
  /** Results still to read among the examined failures: the figures may grow. */
  readonly stillReading: number;
  readonly examined: number;
  readonly failedTotal: number;
}

/** The last hour's failures (by the master's clock `now`), grouped by cause. */
export function toRecentFailures(overview: FailureOverview, now: number): RecentFailures {
  const recent = overview.failures.filter((failure) => failure.failedAt * 1000 >= now - RECENT_FAILURES_MS);
  const groups = groupFailures(recent);
  return {
    at: now,
    groups: groups.slice(0, TOP_GROUPS),
    groupCount: groups.length,
    failureCount: recent.length,
    stillReading: overview.examined - overview.read,
    examined: overview.examined,
    failedTotal: overview.failedTotal,
  };
}
