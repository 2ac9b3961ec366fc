import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';

/**
 * A Material Icons ligature (`<app-icon>search</app-icon>`), decorative: hidden from assistive
 * technology, so its button or link needs words of its own. What `mat-icon` does for this app,
 * without the SVG icon registry, which brings Angular's whole HTTP client into the first download.
 * It carries `mat-icon`'s classes, so Material's buttons and form fields size and place it as theirs.
 */
@Component({
  selector: 'app-icon',
  template: '<ng-content />',
  host: { class: 'mat-icon notranslate material-icons', 'aria-hidden': 'true' },
  styles: `
    app-icon.mat-icon {
      display: inline-block;
      width: 24px;
      height: 24px;
      overflow: hidden;
      color: var(--mat-icon-color, inherit);
      user-select: none;
    }
  `,
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Icon {}
