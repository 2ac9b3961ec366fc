import { AsyncPipe, DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Observable, combineLatest, distinctUntilChanged, fromEvent, map, of, startWith } from 'rxjs';
import { TelemetryStore } from '../realtime/telemetry-store';
import { ThemePreference, ThemeStore } from '../theme/theme-store';
import { ConnectionChip } from './connection-chip';
import { NAV_ITEMS } from './nav-items';

const THEME_LABEL: Record<ThemePreference, string> = { system: 'system setting', light: 'light', dark: 'dark' };
/** The toggle steps through the choices. */
const NEXT_THEME: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_ICON: Record<ThemePreference, string> = {
  system: 'brightness_auto',
  light: 'light_mode',
  dark: 'dark_mode',
};

/** Below this width the navigation folds away behind the menu button. */
const NARROW_QUERY = '(max-width: 959.98px)';

/**
 * The app frame: header, navigation and the routed page. Built from plain elements rather than
 * Material's toolbar, sidenav and buttons, so that the first load carries only what the shell
 * needs; the pages bring Material with them.
 */
@Component({
  selector: 'app-shell',
  imports: [AsyncPipe, RouterOutlet, RouterLink, RouterLinkActive, ConnectionChip],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  host: { '(document:keydown.escape)': 'closeNav()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly themeStore = inject(ThemeStore);
  private readonly telemetryStore = inject(TelemetryStore);

  protected readonly navItems = NAV_ITEMS;
  protected readonly themeLabel = THEME_LABEL;
  protected readonly nextTheme = NEXT_THEME;
  protected readonly themeIcon = THEME_ICON;
  /** Whether the folded navigation is open on a narrow screen. */
  protected readonly navOpen = signal(false);

  protected readonly vm$ = combineLatest({
    narrow: narrowScreen(inject(DOCUMENT)),
    connection: this.telemetryStore.connection$,
    malformedCount: this.telemetryStore.malformedCount$,
    themePreference: this.themeStore.preference$,
    scheme: this.themeStore.scheme$,
  });

  protected chooseTheme(preference: ThemePreference): void {
    this.themeStore.choose(preference);
  }

  protected toggleNav(): void {
    this.navOpen.update((open) => !open);
  }

  protected closeNav(): void {
    this.navOpen.set(false);
  }
}

function narrowScreen(document: Document): Observable<boolean> {
  const query = document.defaultView?.matchMedia?.(NARROW_QUERY);
  if (!query) {
    return of(false);
  }
  return fromEvent<MediaQueryListEvent>(query, 'change').pipe(
    map((event) => event.matches),
    startWith(query.matches),
    distinctUntilChanged(),
  );
}
