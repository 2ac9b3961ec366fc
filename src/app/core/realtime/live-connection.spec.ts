import { TestBed } from '@angular/core/testing';
import { BehaviorSubject, firstValueFrom, filter } from 'rxjs';
import { ConnectionState } from './connection-state';
import { LiveConnection } from './live-connection';
import { TelemetryStore } from './telemetry-store';

describe('LiveConnection', () => {
  const live: ConnectionState = { kind: 'live', lastMessageAt: 1000, checkedAt: 2000, clockOffsetMs: 0 };

  function setup() {
    const calls: string[] = [];
    const engine = {
      connection$: new BehaviorSubject<ConnectionState>(live),
      malformedCount$: new BehaviorSubject(3),
      connect: () => calls.push('connect'),
      disconnect: () => calls.push('disconnect'),
    };
    TestBed.configureTestingModule({ providers: [{ provide: TelemetryStore, useValue: engine }] });
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
});
