import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import { BehaviorSubject } from 'rxjs';

/** How the dashboard may get the operator's attention beyond the page itself. Both off until asked for. */
export interface NotificationSettings {
  readonly browser: boolean;
  readonly sound: boolean;
}

const STORAGE_KEY = 'cloudai.notifications';
const DEFAULTS: NotificationSettings = { browser: false, sound: false };

/** The operator's notification choices, remembered in this browser. */
@Injectable({ providedIn: 'root' })
export class NotificationSettingsStore {
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage;
  private readonly settings = new BehaviorSubject<NotificationSettings>(this.stored());

  /** Hot; replays the current settings; never completes. */
  readonly settings$ = this.settings.asObservable();

  update(change: Partial<NotificationSettings>): void {
    const next = { ...this.settings.value, ...change };
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(next));
    this.settings.next(next);
  }

  private stored(): NotificationSettings {
    try {
      const stored = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? 'null') as Partial<NotificationSettings> | null;
      return {
        browser: stored?.browser === true,
        sound: stored?.sound === true,
      };
    } catch {
      return DEFAULTS;
    }
  }
}
