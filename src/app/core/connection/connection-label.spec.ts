import { toConnectionLabel } from './connection-label';

describe('toConnectionLabel', () => {
  const time = (epochMs: number) => `t${epochMs}`;

  it('is amber while connecting', () => {
    expect(toConnectionLabel({ state: 'connecting' }, time)).toEqual(
      jasmine.objectContaining({ text: 'Connecting…', tone: 'warn' }),
    );
  });

  it('is green when the master answers, and says when it last did', () => {
    const label = toConnectionLabel({ state: 'reachable', lastContact: 5 }, time);

    expect(label.tone).toBe('ok');
    expect(label.explanation).toContain('t5');
  });

  it('is grey when unreachable and says how old the data on screen is', () => {
    const label = toConnectionLabel({ state: 'unreachable', lastContact: 7, reason: 'HTTP 502' }, time);

    expect(label).toEqual(jasmine.objectContaining({ text: 'Unreachable · data from t7', tone: 'neutral' }));
    expect(label.explanation).toContain('HTTP 502');
  });

  it('does not claim old data when there never was any', () => {
    expect(toConnectionLabel({ state: 'unreachable', lastContact: null, reason: 'x' }, time).text).toBe('Unreachable');
  });
});
