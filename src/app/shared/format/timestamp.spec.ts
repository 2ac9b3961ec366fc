import { formatTimestamp } from './timestamp';

describe('formatTimestamp', () => {
  const moment = Date.UTC(2026, 11, 2, 14, 3, 22);

  it('names the zone on every time it gives, in the locale asked for', () => {
    expect(formatTimestamp(moment, 'time', 'utc', 'en-GB')).toBe('14:03:22 UTC');
    expect(formatTimestamp(moment, 'time', 'utc', 'en-US')).toBe('02:03:22 PM UTC');
    expect(formatTimestamp(moment, 'date-time', 'utc', 'en-GB')).toBe('2 Dec 2026, 14:03:22 UTC');
    expect(formatTimestamp(moment, 'date-time', 'utc', 'de-DE')).toBe('2. Dez. 2026, 14:03:22 UTC');
  });

  it("gives local times on the browser's clock, with its zone's name", () => {
    const local = new Date(moment);
    const clock = [local.getHours(), local.getMinutes(), local.getSeconds()]
      .map((part) => String(part).padStart(2, '0'))
      .join(':');
    const zoneName = new Intl.DateTimeFormat('en-GB', { timeZoneName: 'short' })
      .formatToParts(moment)
      .find((part) => part.type === 'timeZoneName')?.value;

    expect(formatTimestamp(moment, 'time', 'local', 'en-GB')).toBe(`${clock} ${zoneName}`);
  });

  it('leaves the zone off chart ticks, which the legend names', () => {
    expect(formatTimestamp(moment, 'tick', 'utc', 'en-GB')).toBe('14:03');
    expect(formatTimestamp(moment, 'tick-seconds', 'utc', 'en-GB')).toBe('14:03:22');
  });
});
