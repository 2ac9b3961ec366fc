import { ConnectionState } from '../realtime/connection-state';
import { toConnectionLabel } from './connection-label';

describe('toConnectionLabel', () => {
  const time = (epochMs: number) => `t${epochMs}`;
  const label = (state: ConnectionState) => toConnectionLabel(state, time);

  it('is green "Live" while the socket delivers', () => {
    expect(label({ kind: 'live', lastMessageAt: 1, checkedAt: 2, clockOffsetMs: 0 })).toEqual(
      jasmine.objectContaining({ text: 'Live', tone: 'ok' }),
    );
  });

  it('is amber and counts down to the next attempt while reconnecting', () => {
    const reconnecting: ConnectionState = {
      kind: 'reconnecting',
      attempt: 3,
      retryAt: 12_500,
      reason: 'closed',
      lastMessageAt: 1000,
      checkedAt: 10_000,
      clockOffsetMs: 0,
    };

    expect(label(reconnecting)).toEqual(jasmine.objectContaining({ text: 'Reconnecting in 3 s', tone: 'warn' }));
    expect(label(reconnecting).explanation).toContain('Attempt 3');
    expect(label({ ...reconnecting, checkedAt: 12_600, clockOffsetMs: 0 }).text).toBe('Reconnecting…');
  });

  it('is grey when offline and says how old the data on screen is', () => {
    expect(label({ kind: 'offline', lastMessageAt: 7, checkedAt: 9, clockOffsetMs: 0 })).toEqual(
      jasmine.objectContaining({ text: 'Offline · data from t7', tone: 'neutral' }),
    );
    expect(label({ kind: 'offline', lastMessageAt: null, checkedAt: 9, clockOffsetMs: 0 }).text).toBe('Offline');
  });

  it('says how long a stale socket has been silent', () => {
    const stale = label({ kind: 'stale', lastMessageAt: 1000, checkedAt: 13_000, clockOffsetMs: 0 });

    expect(stale.text).toBe('Stale · data from t1000');
    expect(stale.explanation).toContain('nothing arrived for 12 s');
  });

  it('says when figures are polled because the socket is down', () => {
    expect(
      label({ kind: 'degraded', attempt: 1, retryAt: 0, lastMessageAt: 5, checkedAt: 6, clockOffsetMs: 0 }).text,
    ).toBe('Polling');
  });

  it('asks for a reload when a new version replaced the code the page needs', () => {
    const outdated = label({ kind: 'outdated', lastMessageAt: null, checkedAt: 0, clockOffsetMs: 0 });

    expect(outdated).toEqual(jasmine.objectContaining({ text: 'Reload needed', tone: 'warn' }));
    expect(outdated.explanation).toContain('new version');
  });

  it('is amber while connecting', () => {
    expect(label({ kind: 'connecting', lastMessageAt: null, checkedAt: 0, clockOffsetMs: 0 }).tone).toBe('warn');
  });

  it("says when the master's clock is off, and that ages allow for it", () => {
    const live: ConnectionState = { kind: 'live', lastMessageAt: 1, checkedAt: 2, clockOffsetMs: -600_000 };

    expect(label(live).explanation).toContain(
      "The master's clock is 10 min behind this browser's; ages and worker freshness allow for it.",
    );
    expect(label({ ...live, clockOffsetMs: 0 }).explanation).not.toContain('clock');
  });
});
