import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { loadTone, usedShare } from '../format/units';

/** Used versus total of one resource, as a bar that turns amber at 70 % and red at 90 %. */
@Component({
  selector: 'app-resource-bar',
  template: `
    <div class="labels">
      <span class="name">{{ name() }}</span>
      <span class="figures">{{ usedText() }} of {{ totalText() }}</span>
    </div>
    @if (used() < 0) {
      <p class="negative" role="note">
        <span class="material-icons" aria-hidden="true">warning</span>
        The master reports a negative allocation: it accepted a task asking for a negative amount.
      </p>
    }
    <div
      class="track"
      role="meter"
      [attr.aria-label]="name() + ' allocated'"
      [attr.aria-valuenow]="percent()"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuetext]="usedText() + ' of ' + totalText() + ' (' + percent() + ' %)'"
    >
      <div class="fill" [class]="'fill tone-' + tone()" [style.width.%]="percent()"></div>
    </div>
    <div class="share">{{ percent() }} % allocated · {{ availableText() }} available</div>
  `,
  styles: `
    :host {
      display: block;
    }
    .labels {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      font: var(--mat-sys-body-medium);
    }
    .name {
      font: var(--mat-sys-title-small);
    }
    .track {
      height: 8px;
      margin: 6px 0 4px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      border-radius: 4px;
      transition: width 300ms ease;
    }
    .tone-ok {
      background: var(--app-ok);
    }
    .tone-warn {
      background: var(--app-warn);
    }
    .tone-danger {
      background: var(--app-danger);
    }
    .negative {
      display: flex;
      align-items: center;
      gap: 4px;
      margin: 4px 0 0;
      color: var(--app-warn);
      font: var(--mat-sys-body-small);
    }
    .negative .material-icons {
      font-size: 16px;
    }
    .share {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    @media (prefers-reduced-motion: reduce) {
      .fill {
        transition: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResourceBar {
  readonly name = input.required<string>();
  readonly used = input.required<number>();
  readonly total = input.required<number>();
  readonly format = input.required<(value: number) => string>();

  protected readonly share = computed(() => usedShare(this.used(), this.total()));
  protected readonly percent = computed(() => Math.round(this.share() * 100));
  protected readonly tone = computed(() => loadTone(this.share()));
  protected readonly usedText = computed(() => this.format()(this.used()));
  protected readonly totalText = computed(() => this.format()(this.total()));
  protected readonly availableText = computed(() => this.format()(Math.max(0, this.total() - this.used())));
}
