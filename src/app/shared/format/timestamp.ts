/** Which clock the dashboard shows times on: the browser's own zone, or UTC. */
export type TimeZoneChoice = 'local' | 'utc';

/**
 * - `time`: the time of day with its zone ("14:03:22 UTC"), for what happened today;
 * - `date-time`: with the date ("2 Dec 2026, 14:03:22 UTC");
 * - `tick` / `tick-seconds`: a chart axis label, without the zone (the chart's legend names it).
 */
export type TimestampStyle = 'time' | 'date-time' | 'tick' | 'tick-seconds';

const FIELDS: Record<TimestampStyle, Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' },
  'date-time': {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  },
  tick: { hour: '2-digit', minute: '2-digit' },
  'tick-seconds': { hour: '2-digit', minute: '2-digit', second: '2-digit' },
};

/** Building a format is far slower than using one, and lists format a time per row. */
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * Epoch ms as the operator reads it: in the chosen zone, in the browser's locale (`locale` for
 * tests), always naming the zone, so a time copied into a chat or an incident report means one
 * moment.
 */
export function formatTimestamp(epochMs: number, style: TimestampStyle, zone: TimeZoneChoice, locale?: string): string {
  const key = `${style} ${zone} ${locale ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...FIELDS[style], timeZone: zone === 'utc' ? 'UTC' : undefined });
    formats.set(key, format);
  }
  return format.format(epochMs);
}

/** The browser's own zone, as the settings name it: "Europe/Berlin". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
