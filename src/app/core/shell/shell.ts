import { AsyncPipe, DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  PendingTasks,
  Type,
  ViewContainerRef,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import {
  Observable,
  combineLatest,
  distinctUntilChanged,
  exhaustMap,
  filter,
  from,
  fromEvent,
  map,
  of,
  startWith,
  switchMap,
} from 'rxjs';
import { MalformedInput } from '../../shared/cloudai/malformed-input';
import { TimeZoneStore } from '../../shared/format/time-zone-store';
import { DEPLOYMENT } from '../config/deployment-token';
import { mayUseDashboard } from '../auth/auth-state';
import { AuthStore } from '../auth/auth-store';
import type { UserMenu } from '../auth/user-menu';
import type { KeyboardShortcuts } from '../shortcuts/keyboard-shortcuts';
import { ConnectionState } from '../realtime/connection-state';
import { LiveConnection } from '../realtime/live-connection';
import { ThemePreference, ThemeStore } from '../theme/theme-store';
import { ConnectionChip } from './connection-chip';
import { NAV_ITEMS } from './nav-items';
import { isNamedKeyOtherThanEnter, isNotAShortcut, isPaletteKey } from '../shortcuts/not-a-shortcut';

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
  host: { '(document:keydown.escape)': 'closeNav()', '(document:keydown)': 'passToShortcuts($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly zones = inject(TimeZoneStore);
  private readonly themeStore = inject(ThemeStore);
  private readonly liveConnection = inject(LiveConnection);
  private readonly authStore = inject(AuthStore);
  private readonly injector = inject(Injector);

  protected readonly deployment = inject(DEPLOYMENT);
  protected readonly navItems = NAV_ITEMS;
  protected readonly nextTheme = NEXT_THEME;
  protected readonly themeIcon = THEME_ICON;
  /** Where the account corner goes in the toolbar. */
  private readonly userMenuSlot = viewChild('userMenuSlot', { read: ViewContainerRef });

  private shortcutsLoaded: Promise<KeyboardShortcuts> | null = null;

  /** Whether the folded navigation is open on a narrow screen. */
  protected readonly navOpen = signal(false);

  protected readonly vm$ = combineLatest({
    narrow: narrowScreen(inject(DOCUMENT)),
    connection: this.liveConnection.connection$,
    // Telemetry frames and REST entries that failed validation, together.
    malformedCount: combineLatest([this.liveConnection.malformedCount$, inject(MalformedInput).count$]).pipe(
      map(([frames, entries]) => frames + entries),
    ),
    themePreference: this.themeStore.preference$,
    scheme: this.themeStore.scheme$,
    auth: this.authStore.state$,
    /** The chip describes live data, which flows only to someone allowed to see it. */
    liveAllowed: this.authStore.state$.pipe(map(mayUseDashboard), distinctUntilChanged()),
  });

  constructor() {
    this.reopenSignInWhenSessionEnds();
    this.showUserMenuOnceLoaded();
  }

  /** When the data on screen is from, while the master cannot be reached (`null` while it can, or before any data). */
  protected frozenSince(connection: ConnectionState): string | null {
    const frozen = connection.kind === 'reconnecting' || connection.kind === 'offline';
    return frozen && connection.lastMessageAt !== null ? this.zones.format(connection.lastMessageAt) : null;
  }

  protected themeButtonLabel(preference: ThemePreference, scheme: string): string {
    const inEffect = preference === 'system' ? ` (${scheme})` : '';
    return `Colour scheme: ${THEME_LABEL[preference]}${inEffect}. Switch to ${THEME_LABEL[NEXT_THEME[preference]]}`;
  }

  protected themeButtonTitle(preference: ThemePreference): string {
    return `Colour scheme: ${THEME_LABEL[preference]} — click for ${THEME_LABEL[NEXT_THEME[preference]]}`;
  }

  protected chooseTheme(preference: ThemePreference): void {
    this.themeStore.choose(preference);
  }

  protected toggleNav(): void {
    this.navOpen.update((open) => !open);
  }

  protected closeNav(): void {
    this.navOpen.set(false);
  }

  /**
   * Passes a key press that may be a shortcut (not typing in a field, not a combination) to the
   * keyboard shortcuts, loaded on the first one so the first download does not carry them.
   */
  protected passToShortcuts(event: KeyboardEvent): void {
    if (isPaletteKey(event)) {
      // The browser's own Ctrl-K (its search bar) gives way, also in a field.
      event.preventDefault();
      this.openPalette();
      return;
    }
    if (event.defaultPrevented || isNamedKeyOtherThanEnter(event.key) || isNotAShortcut(event)) return;
    // `/` would start the browser's own find-in-page in some browsers: the list's search takes it.
    if (event.key === '/') event.preventDefault();
    const { key } = event;
    const at = Date.now();
    void this.shortcuts().then((shortcuts) => shortcuts.press(key, at));
  }

  protected openPalette(): void {
    void this.shortcuts().then((shortcuts) => shortcuts.openPalette());
  }

  /**
   * The shortcuts, loaded on the first key press. One promise for every press, so presses reach them
   * in the order they were made (`g` before `t`), however the browser orders separate imports.
   */
  private shortcuts(): Promise<KeyboardShortcuts> {
    this.shortcutsLoaded ??= import('../shortcuts/keyboard-shortcuts').then(
      ({ KeyboardShortcuts }) => this.injector.get(KeyboardShortcuts),
      (error: unknown) => {
        // A failed download is tried again on the next key press.
        this.shortcutsLoaded = null;
        throw error;
      },
    );
    return this.shortcutsLoaded;
  }

  /**
   * The account corner is not needed to show the first page: its code is fetched just after, so
   * the first download does not carry it. Counted as pending work, so whatever waits for the app
   * to settle (a test) waits for it too.
   */
  private showUserMenuOnceLoaded(): void {
    const menuType = signal<Type<UserMenu> | null>(null);
    void inject(PendingTasks).run(async () => menuType.set((await import('../auth/user-menu')).UserMenu));
    let filled: ViewContainerRef | null = null;
    effect(() => {
      const slot = this.userMenuSlot();
      const type = menuType();
      if (!slot || !type || slot === filled) return;
      slot.createComponent(type);
      filled = slot;
    });
  }

  /** The sign-in dialog is loaded only when a session actually ends, keeping it out of the first load. */
  private reopenSignInWhenSessionEnds(): void {
    this.authStore.state$
      .pipe(
        map((state) => (state.kind === 'expired' ? state.user : null)),
        distinctUntilChanged(),
        filter((user) => user !== null),
        exhaustMap((user) =>
          from(import('../auth/session-expired-dialog')).pipe(
            switchMap(({ openSessionExpiredDialog }) => openSessionExpiredDialog(this.injector, user)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
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
