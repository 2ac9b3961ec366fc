import type { Accounts } from '../accounts.ts';
import type { Cluster } from '../cluster.ts';
import type { SimOptions } from '../options.ts';
import type { Quirks } from '../quirks.ts';
import type { SocketRegistry } from '../socket-registry.ts';
import type { Store } from '../store.ts';
import type { TaskGenerator } from '../task-generator.ts';
import type { WireClock } from '../wire-clock.ts';
import { RequestTally } from '../request-tally';

/** What every route module needs from the simulator. */
export interface RouteContext {
  options: SimOptions;
  quirks: Quirks;
  clock: WireClock;
  store: Store;
  cluster: Cluster;
  accounts: Accounts;
  sockets: SocketRegistry;
  generator: TaskGenerator;
  requests: RequestTally;
}

/** The path after a prefix, without the query string. */
export function pathAfter(url: string, prefix: string): string {
  const path = url.split('?')[0];
  return decodeURIComponent(path.slice(prefix.length));
}
