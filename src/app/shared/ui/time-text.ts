import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TimeZoneStore } from '../format/time-zone-store';
import { TimestampStyle } from '../format/timestamp';

/**
 * A moment on screen: "14:03:22 UTC", in the zone the operator chose, as a `<time>` element whose
 * `datetime` gives assistive technology and copy-paste the exact instant.
 */
@Component({
  selector: 'app-time-text',
  template: `<time [attr.datetime]="iso()">{{ text() }}</time>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimeText {
  /** Epoch ms. */
  readonly at = input.required<number>();
  readonly format = input<TimestampStyle>('date-time');
  private readonly zones = inject(TimeZoneStore);
  protected readonly text = computed(() => this.zones.format(this.at(), this.format()));
  protected readonly iso = computed(() => new Date(this.at()).toISOString());
}
