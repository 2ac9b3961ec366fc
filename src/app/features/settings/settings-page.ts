import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatSlideToggle, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { ATTENTION, NotificationPermissionState } from '../../core/notifications/attention';
import { NotificationSettingsStore } from '../../core/notifications/notification-settings-store';
import { TimeZoneSetting } from './time-zone-setting';

const PERMISSION_NOTE: Record<NotificationPermissionState, string | null> = {
  granted: null,
  default: 'The browser will ask for permission when you turn this on.',
  denied: 'This browser blocks notifications from the dashboard. Allow them in the site settings, then turn this on.',
  unsupported: 'This browser cannot show system notifications.',
};

/**
 * The operator's preferences: the clock times are shown on, and notifications (system notifications
 * and a chime, both off until the operator opts in).
 */
@Component({
  selector: 'app-settings-page',
  imports: [AsyncPipe, MatSlideToggleModule, TimeZoneSetting],
  template: `
    <header class="page-header"><h1>Settings</h1></header>
    <app-time-zone-setting />
    @if (settings$ | async; as settings) {
      <section class="panel" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">Notifications</h2>
        <p class="muted">
          Tasks you submit here, and tasks you watch, raise a message in the page when they complete or fail; failures
          you have not opened yet are counted in the tab title. These add to that:
        </p>
        <div class="setting">
          <mat-slide-toggle
            [checked]="settings.browser"
            [disabled]="permission() === 'unsupported'"
            (change)="setBrowserNotifications($event.checked, $event.source)"
            >System notifications</mat-slide-toggle
          >
          <p class="muted">Shown by the operating system, also when this tab is in the background.</p>
          @if (permissionNote(); as note) {
            <p [class]="permission() === 'denied' ? 'warning' : 'muted'">{{ note }}</p>
          }
        </div>
        <div class="setting">
          <mat-slide-toggle [checked]="settings.sound" (change)="setSound($event.checked)">Sound</mat-slide-toggle>
          <p class="muted">A short chime: one tone when a task completes, two falling tones when it fails.</p>
        </div>
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 24px;
      max-width: 760px;
    }
    .setting {
      margin: 16px 0;
    }
    .setting p {
      margin: 4px 0 0 52px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsPage {
  private readonly store = inject(NotificationSettingsStore);
  private readonly attention = inject(ATTENTION);

  protected readonly settings$ = this.store.settings$;
  protected readonly permission = signal(this.attention.permission());

  protected permissionNote(): string | null {
    return PERMISSION_NOTE[this.permission()];
  }

  /** Turning it on asks the browser first; a refusal leaves it off and says why. */
  protected async setBrowserNotifications(enabled: boolean, toggle: MatSlideToggle): Promise<void> {
    if (enabled && this.permission() !== 'granted') {
      this.permission.set(await this.attention.requestPermission());
    }
    const browser = enabled && this.permission() === 'granted';
    toggle.checked = browser;
    this.store.update({ browser });
  }

  protected setSound(enabled: boolean): void {
    this.store.update({ sound: enabled });
    if (enabled) this.attention.chime('success');
  }
}
