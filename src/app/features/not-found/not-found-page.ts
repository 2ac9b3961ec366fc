import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Icon } from '../../shared/ui/icon';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found-page',
  imports: [MatButtonModule, Icon, RouterLink],
  template: `
    <app-icon class="material-icons" aria-hidden="true">explore_off</app-icon>
    <h1>Page not found</h1>
    <p>There is no page at this address. It may have been mistyped, or the link is out of date.</p>
    <a mat-flat-button routerLink="/dashboard">Go to the dashboard</a>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      padding: 64px 24px;
    }
    app-icon {
      font-size: 48px;
      width: 48px;
      height: 48px;
      color: var(--mat-sys-on-surface-variant);
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 16px 0 8px;
    }
    p {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
