import { ChangeDetectionStrategy, Component, InjectionToken, Signal, computed, inject, input } from '@angular/core';
import { TimeZoneStore } from '../format/time-zone-store';
import { formatAge } from '../format/units';

/** The clock (epoch ms, ticking every second) that a list's ages count from, provided by the list. */
export const AGE_CLOCK = new InjectionToken<Signal<number>>('AGE_CLOCK');

/**
 * "5 s ago", counted on the clock of the list around it ({@link AGE_CLOCK}). Reading the clock
 * here rather than through the row's inputs, a tick refreshes this text alone, not the whole row,
 * and an age that still reads the same (a task created an hour ago) not even that. Hovering shows
 * the exact time.
 */
@Component({
  selector: 'app-age-text',
  template: `{{ text() }}`,
  host: { '[title]': 'exact()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgeText {
  /** Epoch ms; `null` for never. */
  readonly at = input.required<number | null>();
  private readonly now = inject(AGE_CLOCK);
  private readonly zones = inject(TimeZoneStore);
  protected readonly text = computed(() => formatAge(this.at(), this.now()));
  protected readonly exact = computed(() => {
    const at = this.at();
    return at === null ? '' : this.zones.format(at, 'date-time');
  });
}
