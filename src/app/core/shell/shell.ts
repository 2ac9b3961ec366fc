import { AsyncPipe } from '@angular/common';
import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { combineLatest, map } from 'rxjs';
import { TelemetryStore } from '../realtime/telemetry-store';
import { ThemePreference, ThemeStore } from '../theme/theme-store';
import { ConnectionChip } from './connection-chip';
import { NAV_ITEMS } from './nav-items';

const THEME_CHOICES: readonly { value: ThemePreference; label: string; icon: string }[] = [
  { value: 'system', label: 'Use system setting', icon: 'brightness_auto' },
  { value: 'light', label: 'Light', icon: 'light_mode' },
  { value: 'dark', label: 'Dark', icon: 'dark_mode' },
];

/** The app frame: toolbar, responsive sidenav and the routed page. */
@Component({
  selector: 'app-shell',
  imports: [
    AsyncPipe,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    MatMenuModule,
    MatTooltipModule,
    ConnectionChip,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly themeStore = inject(ThemeStore);
  private readonly telemetryStore = inject(TelemetryStore);
  private readonly breakpoints = inject(BreakpointObserver);

  protected readonly navItems = NAV_ITEMS;
  protected readonly themeChoices = THEME_CHOICES;

  protected readonly vm$ = combineLatest({
    narrow: this.breakpoints.observe([Breakpoints.XSmall, Breakpoints.Small]).pipe(map((state) => state.matches)),
    connection: this.telemetryStore.connection$,
    malformedCount: this.telemetryStore.malformedCount$,
    themePreference: this.themeStore.preference$,
    scheme: this.themeStore.scheme$,
  });

  protected chooseTheme(preference: ThemePreference): void {
    this.themeStore.choose(preference);
  }

  /** On narrow screens the sidenav covers the page, so it closes once a destination is picked. */
  protected closeNavIfOverlaying(sidenav: MatSidenav, narrow: boolean): void {
    if (narrow) {
      void sidenav.close();
    }
  }
}
