import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatRadioModule } from '@angular/material/radio';
import { TimeZoneStore } from '../../shared/format/time-zone-store';
import { TimeZoneChoice, browserTimeZone, formatTimestamp } from '../../shared/format/timestamp';

/** Local time or UTC for every time on screen, with an example of each so the choice is concrete. */
@Component({
  selector: 'app-time-zone-setting',
  imports: [MatRadioModule],
  template: `
    <section class="panel" aria-labelledby="time-heading">
      <h2 id="time-heading">Time</h2>
      <p class="muted">
        Every time on screen names its zone; ages ("5 min ago") show the exact time when you point at them. Exports are
        always in UTC.
      </p>
      <mat-radio-group
        class="choices"
        aria-labelledby="time-heading"
        [value]="zones.zone()"
        (change)="choose($event.value)"
      >
        <mat-radio-button value="local">
          Local time <span class="muted">({{ localZone }}, now {{ example('local') }})</span>
        </mat-radio-button>
        <mat-radio-button value="utc">
          UTC <span class="muted">(now {{ example('utc') }})</span>
        </mat-radio-button>
      </mat-radio-group>
      <p class="muted">Remembered in this browser, for every tab.</p>
    </section>
  `,
  styles: `
    .choices {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimeZoneSetting {
  protected readonly zones = inject(TimeZoneStore);
  protected readonly localZone = browserTimeZone();
  /** When the page opened: an example of each clock, not a ticking one. */
  private readonly openedAt = Date.now();

  protected example(zone: TimeZoneChoice): string {
    return formatTimestamp(this.openedAt, 'time', zone);
  }

  protected choose(zone: TimeZoneChoice): void {
    this.zones.choose(zone);
  }
}
