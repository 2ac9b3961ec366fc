import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Icon } from './icon';
import { MatTooltipModule } from '@angular/material/tooltip';

/** Copies a value (an id, usually) to the clipboard and says so. */
@Component({
  selector: 'app-copy-button',
  imports: [MatButtonModule, Icon, MatTooltipModule],
  template: `
    <button
      mat-icon-button
      type="button"
      class="copy"
      [attr.aria-label]="'Copy ' + what() + ' ' + value()"
      [matTooltip]="copied() ? 'Copied' : 'Copy ' + what()"
      (click)="copy($event)"
    >
      <app-icon class="material-icons">{{ copied() ? 'check' : 'content_copy' }}</app-icon>
    </button>
  `,
  styles: `
    .copy {
      --mat-icon-button-state-layer-size: 32px;
      width: 32px;
      height: 32px;
      padding: 4px;
    }
    app-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CopyButton {
  private readonly clipboard = inject(Clipboard);

  readonly value = input.required<string>();
  readonly what = input('id');
  protected readonly copied = signal(false);

  protected copy(event: Event): void {
    // The button often sits inside a clickable row or link; copying must not also open it.
    event.stopPropagation();
    event.preventDefault();
    this.copied.set(this.clipboard.copy(this.value()));
  }
}
