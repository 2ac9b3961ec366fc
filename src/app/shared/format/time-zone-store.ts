import { Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TimeZoneChoice, TimestampStyle, formatTimestamp } from './timestamp';
import { injectPersistedValue } from '../state/persisted-value';

/**
 * The operator's choice of clock, local time or UTC, remembered in this browser and followed by
 * every tab. Every time on screen is formatted through {@link format}, so a change redraws them all.
 */
@Injectable({ providedIn: 'root' })
export class TimeZoneStore {
  private readonly choice = injectPersistedValue<TimeZoneChoice>({
    key: 'cloudai.time-zone',
    version: 1,
    fallback: 'local',
    parse: (stored) => (stored === 'utc' ? 'utc' : 'local'),
  });

  /** The zone in effect; reading it inside a template or `computed` follows changes. */
  readonly zone = toSignal(this.choice.value$, { initialValue: this.choice.value });

  choose(zone: TimeZoneChoice): void {
    this.choice.set(zone);
  }

  /** `epochMs` in the zone in effect (see {@link formatTimestamp}). */
  format(epochMs: number, style: TimestampStyle = 'time'): string {
    return formatTimestamp(epochMs, style, this.zone());
  }
}
