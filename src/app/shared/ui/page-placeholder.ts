import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** A page heading with a short explanation, for pages whose full view is not built yet. */
@Component({
  selector: 'app-page-placeholder',
  imports: [MatIconModule],
  template: `
    <h1>{{ heading() }}</h1>
    <div class="note">
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
      <p><ng-content /></p>
    </div>
  `,
  styles: `
    :host {
      display: block;
      padding: 24px;
      max-width: 960px;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 16px;
    }
    .note {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      color: var(--mat-sys-on-surface-variant);
    }
    p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PagePlaceholder {
  readonly heading = input.required<string>();
  readonly icon = input('info');
}
