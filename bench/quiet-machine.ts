import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** The machine's CPU time so far, from /proc/stat (Linux): idle and in all. */
function cpuTimes(): { idle: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: idle and iowait are the idle time.
  return { idle: fields[3] + (fields[4] ?? 0), total: fields.reduce((sum, value) => sum + value, 0) };
}

/**
 * Waits until the machine's CPUs are busy less than `busyBelow` over a second (at most `maxWaitMs`),
 * so a scenario is not measured while the one before it is still winding down (a simulator of
 * 10,000 workers exiting, a closed page's renderer). Gives the last busy share seen; does not wait
 * where /proc/stat cannot be read.
 */
export async function waitForQuietMachine(busyBelow = 0.1, maxWaitMs = 60_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    let busy: number;
    try {
      const before = cpuTimes();
      await sleep(1000);
      const after = cpuTimes();
      busy = 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total);
    } catch {
      return 0;
    }
    if (busy < busyBelow || Date.now() - started >= maxWaitMs) return busy;
  }
}
