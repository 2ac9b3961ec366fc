import { asyncScheduler, map, timer } from 'rxjs';
import { RealtimeConfig } from '../core/config/realtime-config';

/** Realtime timings scaled down to marble-test milliseconds: heartbeat 50 (stale after 100, a silent socket dropped after 200), inactive after 300. */
export const TEST_REALTIME_CONFIG: RealtimeConfig = {
  reconnect: { initialMs: 100, maxMs: 400 },
  heartbeatMs: 50,
  silentSocketMs: 200,
  inactiveAfterMs: 300,
  fallbackPollMs: 50,
  registryPollMs: 200,
  historyWindowMs: 10_000,
  viewCoalesceMs: 0,
};

/** A clock ticking every 25 virtual ms, for freshness that ages between messages. */
export const testClock = () => timer(0, 25).pipe(map(() => asyncScheduler.now()));
