import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';

/**
 * A Material Icons ligature, decorative: hidden from assistive technology, so its button or link
 * needs words of its own. What `mat-icon` does for this app, without the SVG icon registry, which
 * brings Angular's whole HTTP client into the first download. It carries `mat-icon`'s classes, so
 * Material's buttons and form fields size and place it as theirs. Write it as
 * `<app-icon class="material-icons">search</app-icon>`: the class in the template is what puts it in
 * a Material button's icon slot (content projection sees only what the template says).
 */
@Component({
  selector: 'app-icon',
  template: '<ng-content />',
  host: { class: 'mat-icon notranslate material-icons', 'aria-hidden': 'true' },
  styles: `
    /* The lowest specificity, so every page's and Material's own icon rules win, as over mat-icon's. */
    :where(app-icon) {
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
