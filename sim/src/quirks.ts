import type { SimOptions } from './options.ts';

/**
 * The real master's misbehaviours (contract §11) that the simulator reproduces. Each is on by default,
 * so a client is tested against what it will really meet; --well-behaved switches all of them off.
 */
export interface Quirks {
  /** GET /api/tasks/{id} and /api/tasks/{id}/logs dereference a missing result and drop the connection (§3.3, §3.5). */
  crashingHandlers: boolean;
  /** A container exists only once its image is pulled; a log stream opened before then ends "not_found" (§7.3). */
  imagePulls: boolean;
  /** A live log stream writes its final status into the task (§7.3 item 6). */
  streamStatusWrites: boolean;
  /** Cancel overwrites finished tasks and holds the master's global lock while the worker stops the container (§3.4, §11 #17). */
  lockingCancel: boolean;
  /** The queue lives in memory only: pending tasks from before a restart are never placed (§8.2). */
  forgetsQueueOnRestart: boolean;
  /** Workers report no GPUs, so GPU tasks never fit (§11 #20). */
  noGpus: boolean;
  /** Stored logs lose the first 8 characters of every line longer than 8 (§3.5). */
  truncatedStoredLogs: boolean;
}

export function quirksFor(options: Pick<SimOptions, 'wellBehaved' | 'gpuWorkers'>): Quirks {
  const faithful = !options.wellBehaved;
  return {
    crashingHandlers: faithful,
    imagePulls: faithful,
    streamStatusWrites: faithful,
    lockingCancel: faithful,
    forgetsQueueOnRestart: faithful,
    noGpus: faithful && !options.gpuWorkers,
    truncatedStoredLogs: faithful,
  };
}

/** What the worker's header stripping leaves of a stored log: full text is stored, this is applied when it is sent. */
export function storedLogAsSent(logs: string, quirks: Quirks): string {
  if (!quirks.truncatedStoredLogs) return logs;
  return logs
    .split('\n')
    .map((line) => (line.length > 8 ? line.slice(8) : line))
    .join('\n');
}
