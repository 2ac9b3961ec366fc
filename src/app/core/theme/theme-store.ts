import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import { Observable, combineLatest, distinctUntilChanged, fromEvent, map, of, shareReplay, startWith } from 'rxjs';
import { injectPersistedValue } from '../../shared/state/persisted-value';

export type ThemePreference = 'system' | 'light' | 'dark';
export type ColorScheme = 'light' | 'dark';

const PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/**
 * Light/dark scheme: follows the OS until the user picks one, and remembers that choice.
 * The scheme is applied through the CSS `color-scheme` property, which the Material theme
 * (built with `theme-type: color-scheme`) and our own `light-dark()` colours follow.
 */
@Injectable({ providedIn: 'root' })
export class ThemeStore {
  private readonly document = inject(DOCUMENT);
  private readonly preference = injectPersistedValue<ThemePreference>({
    key: 'cloudai.theme',
    version: 1,
    fallback: 'system',
    parse: (stored) => PREFERENCES.find((preference) => preference === stored) ?? 'system',
  });

  /** Hot; replays the current preference, also when another tab changes it; never completes. */
  readonly preference$ = this.preference.value$.pipe(shareReplay({ bufferSize: 1, refCount: false }));

  /** Hot; replays the scheme in effect (the preference, or the OS setting for `system`); never completes. */
  readonly scheme$: Observable<ColorScheme> = combineLatest([this.preference$, this.osScheme()]).pipe(
    map(([preference, os]) => (preference === 'system' ? os : preference)),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: false }),
  );

  constructor() {
    this.applyPreference();
  }

  choose(preference: ThemePreference): void {
    this.preference.set(preference);
  }

  /** Pins `color-scheme` on <html>; `light dark` hands the choice back to the OS. */
  private applyPreference(): void {
    this.preference$.subscribe((preference) => {
      this.document.documentElement.style.colorScheme = preference === 'system' ? 'light dark' : preference;
    });
  }

  private osScheme(): Observable<ColorScheme> {
    const query = this.document.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) {
      return of('light');
    }
    return fromEvent<MediaQueryListEvent>(query, 'change').pipe(
      map((event) => event.matches),
      startWith(query.matches),
      map((dark): ColorScheme => (dark ? 'dark' : 'light')),
    );
  }
}
