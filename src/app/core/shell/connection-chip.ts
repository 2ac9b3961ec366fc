import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { formatDate } from '@angular/common';
import { toConnectionLabel } from '../connection/connection-label';
import { MasterConnection } from '../connection/master-connection';

/** The toolbar's connection chip: colour and words for the master's reachability, with an explanation on hover or focus. */
@Component({
  selector: 'app-connection-chip',
  imports: [MatIconModule, MatTooltipModule],
  template: `
    @let label = this.label();
    <span
      [class]="'chip tone-' + label.tone"
      role="status"
      tabindex="0"
      [matTooltip]="label.explanation"
      [attr.aria-label]="'Master connection: ' + label.text + '. ' + label.explanation"
    >
      <mat-icon aria-hidden="true">{{ label.icon }}</mat-icon>
      <span class="text">{{ label.text }}</span>
    </span>
  `,
  styles: `
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      height: 32px;
      padding: 0 12px;
      border-radius: 16px;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    .tone-ok {
      background: var(--app-ok-container);
      color: var(--app-ok);
    }
    .tone-warn {
      background: var(--app-warn-container);
      color: var(--app-warn);
    }
    .tone-neutral {
      background: var(--app-neutral-container);
      color: var(--app-neutral);
    }
    @media (max-width: 599px) {
      .text {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionChip {
  readonly connection = input.required<MasterConnection>();

  protected readonly label = computed(() =>
    toConnectionLabel(this.connection(), (epochMs) => formatDate(epochMs, 'HH:mm:ss', 'en-US')),
  );
}
