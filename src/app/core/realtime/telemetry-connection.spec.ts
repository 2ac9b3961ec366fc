import { NEVER } from 'rxjs';
import { marbles } from '../../testing/marbles';
import { beat, frame } from '../../testing/realtime-testing';
import { telemetryConnection } from './telemetry-connection';

describe('telemetryConnection', () => {
  const options = {
    silentSocketMs: 1000,
    policy: { initialMs: 100, maxMs: 1000 },
    // The longest wait of full jitter, so the retry times are known.
    random: () => 1,
    retryNow$: NEVER,
  };

  it('marks the first frame of each connection as the snapshot, and reconnects after the master closes it', () => {
    marbles(({ cold, expectObservable }) => {
      const socket = cold('a 9ms b 9ms |', { a: '{}', b: '{}' });
      const events = telemetryConnection({ ...options, openSocket: () => socket });

      expectObservable(events, '150ms !').toBe('a 9ms b 9ms r 99ms a 9ms b 9ms r', {
        a: { kind: 'frame', raw: '{}', at: jasmine.any(Number) as never, snapshot: true },
        b: { kind: 'frame', raw: '{}', at: jasmine.any(Number) as never, snapshot: false },
        r: jasmine.objectContaining({ kind: 'retrying', reason: 'the master closed the connection' }) as never,
      });
    });
  });

  it('takes a silent socket for half-open while workers are active, and reconnects', () => {
    marbles(({ cold, expectObservable }) => {
      const socket = cold('a', { a: frame(beat('kiwi', 1, 10)) });
      const events = telemetryConnection({ ...options, openSocket: () => socket });

      expectObservable(events, '1050ms !').toBe('a 999ms r', {
        a: jasmine.objectContaining({ kind: 'frame', snapshot: true }) as never,
        r: jasmine.objectContaining({ kind: 'retrying', reason: jasmine.stringContaining('nothing arrived') }) as never,
      });
    });
  });
});
