import { TestBed } from '@angular/core/testing';
import { BehaviorSubject, firstValueFrom, filter } from 'rxjs';
import { ConnectionState } from './connection-state';
import { LIVE_ENGINE_SOURCE, LiveConnection, LiveEngineSource } from './live-connection';
import { TelemetryStore } from './telemetry-store';

describe('LiveConnection', () => {
  const live: ConnectionState = { kind: 'live', lastMessageAt: 1000, checkedAt: 2000, clockOffsetMs: 0 };

  /** The engine's code fails to load `failures` times before it loads. */
  function setup(failures = 0) {
    const calls: string[] = [];
    const engine = {
      connection$: new BehaviorSubject<ConnectionState>(live),
      malformedCount$: new BehaviorSubject(3),
      connect: () => calls.push('connect'),
      disconnect: () => calls.push('disconnect'),
    };
    let loads = 0;
    const source: LiveEngineSource = {
      load: () => (loads++ < failures ? Promise.reject(new Error('chunk not found')) : Promise.resolve(TelemetryStore)),
      retryMs: 1,
      failuresBeforeReload: 3,
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: TelemetryStore, useValue: engine },
        { provide: LIVE_ENGINE_SOURCE, useValue: source },
      ],
    });
    return { connection: TestBed.inject(LiveConnection), calls };
  }

  const engineThere = (connection: LiveConnection) =>
    firstValueFrom(connection.connection$.pipe(filter((state) => state === live)));

  it('says connecting and counts nothing before anyone connects, and touches no socket', async () => {
    const { connection, calls } = setup();

    expect((await firstValueFrom(connection.connection$)).kind).toBe('connecting');
    expect(await firstValueFrom(connection.malformedCount$)).toBe(0);
    expect(calls).toEqual([]);
  });

  it('fetches the engine on the first connect, opens it, then shows its state', async () => {
    const { connection, calls } = setup();

    connection.connect();
    await engineThere(connection);

    expect(calls).toEqual(['connect']);
    await expectAsync(firstValueFrom(connection.malformedCount$.pipe(filter((count) => count === 3)))).toBeResolved();
  });

  it('applies only the latest decision when the session changes its mind while the engine is fetched', async () => {
    const { connection, calls } = setup();

    connection.connect();
    connection.disconnect();
    connection.connect();
    connection.disconnect();
    await engineThere(connection);

    expect(calls).toEqual(['disconnect']);
  });

  it('closes and reopens the engine it has', async () => {
    const { connection, calls } = setup();
    connection.connect();
    await engineThere(connection);

    connection.disconnect();
    connection.connect();

    expect(calls).toEqual(['connect', 'disconnect', 'connect']);
  });

  it('asks for a reload when the live-data code cannot be fetched again and again, and recovers if it comes back', async () => {
    const { connection, calls } = setup(5);
    const kinds: string[] = [];
    connection.connection$.subscribe((state) => kinds.push(state.kind));

    connection.connect();
    await engineThere(connection);

    expect(kinds).toEqual(['connecting', 'outdated', 'live']);
    expect(calls).toEqual(['connect']);
  });

  it('keeps saying connecting while a failed fetch or two is retried', async () => {
    const { connection } = setup(2);
    const kinds: string[] = [];
    connection.connection$.subscribe((state) => kinds.push(state.kind));

    connection.connect();
    await engineThere(connection);

    expect(kinds).toEqual(['connecting', 'live']);
  });
});
