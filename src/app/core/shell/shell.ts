import { AsyncPipe } from '@angular/common';
import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { combineLatest, map } from 'rxjs';
import { TelemetryStore } from '../realtime/telemetry-store';
import { ThemePreference, ThemeStore } from '../theme/theme-store';
import { ConnectionChip } from './connection-chip';
import { NAV_ITEMS } from './nav-items';

const THEME_LABEL: Record<ThemePreference, string> = { system: 'system setting', light: 'light', dark: 'dark' };
/** The toggle steps through the choices; the shell stays free of menus so the first load stays small. */
const NEXT_THEME: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_ICON: Record<ThemePreference, string> = {
  system: 'brightness_auto',
  light: 'light_mode',
  dark: 'dark_mode',
};

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
    MatIconModule,
    MatButtonModule,
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
  protected readonly themeLabel = THEME_LABEL;
  protected readonly nextTheme = NEXT_THEME;
  protected readonly themeIcon = THEME_ICON;

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
