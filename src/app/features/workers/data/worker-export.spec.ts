import { aLiveWorker } from '../../../testing/builders';
import { WORKER_EXPORT_FIELDS, workerExportRecord } from './worker-export';

describe('workerExportRecord', () => {
  it('has every column, leaves unknown capacities empty rather than 0, and gives times in UTC', () => {
    const unknown = workerExportRecord(
      aLiveWorker({ id: 'ghost', capacity: null, allocated: null, lastHeartbeat: null, registeredAt: null }),
    );
    const known = workerExportRecord(aLiveWorker({ id: 'kiwi', lastHeartbeat: Date.UTC(2026, 11, 2, 4, 0, 0) }));

    expect(Object.keys(unknown)).toEqual([...WORKER_EXPORT_FIELDS]);
    expect(unknown['cpu_cores']).toBeNull();
    expect(unknown['last_heartbeat_utc']).toBeNull();
    expect(known['cpu_cores']).toEqual(jasmine.any(Number));
    expect(known['last_heartbeat_utc']).toBe('2026-12-02T04:00:00.000Z');
  });
});
