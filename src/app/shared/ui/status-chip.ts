import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type ChipTone = 'ok' | 'warn' | 'danger' | 'neutral' | 'info';

/** A small coloured label for a status; the text always says the status, colour only reinforces it. */
@Component({
  selector: 'app-status-chip',
  template: '<ng-content />',
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      height: 24px;
      padding: 0 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    :host(.tone-ok) {
      background: var(--app-ok-container);
      color: var(--app-ok);
    }
    :host(.tone-warn) {
      background: var(--app-warn-container);
      color: var(--app-warn);
    }
    :host(.tone-danger) {
      background: var(--app-danger-container);
      color: var(--app-danger);
    }
    :host(.tone-neutral) {
      background: var(--app-neutral-container);
      color: var(--app-neutral);
    }
    :host(.tone-info) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
  host: { '[class]': "'tone-' + tone()" },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChip {
  readonly tone = input<ChipTone>('neutral');
}
