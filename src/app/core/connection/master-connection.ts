/**
 * Whether the dashboard can reach the master, from the periodic `/health` check.
 * `lastContact` is the epoch-millisecond time of the last good answer.
 */
export type MasterConnection =
  | { readonly state: 'connecting' }
  | { readonly state: 'reachable'; readonly lastContact: number }
  | { readonly state: 'unreachable'; readonly lastContact: number | null; readonly reason: string };
