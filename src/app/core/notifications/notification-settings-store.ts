import { Injectable } from '@angular/core';
import { injectPersistedValue } from '../../shared/state/persisted-value';

/** How the dashboard may get the operator's attention beyond the page itself. Both off until asked for. */
export interface NotificationSettings {
  readonly browser: boolean;
  readonly sound: boolean;
}

/** The operator's notification choices, remembered in this browser. */
@Injectable({ providedIn: 'root' })
export class NotificationSettingsStore {
  private readonly settings = injectPersistedValue<NotificationSettings>({
    key: 'cloudai.notifications',
    version: 1,
    fallback: { browser: false, sound: false },
    parse: (stored) => {
      const settings = stored as Partial<NotificationSettings> | null;
      return { browser: settings?.browser === true, sound: settings?.sound === true };
    },
  });

  /** Hot; replays the current settings, also when another tab changes them; never completes. */
  readonly settings$ = this.settings.value$;

  update(change: Partial<NotificationSettings>): void {
    this.settings.update((current) => ({ ...current, ...change }));
  }
}
