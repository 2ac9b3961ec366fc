import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';

export type NotificationPermissionState = NotificationPermission | 'unsupported';

/** The browser's ways to get attention outside the page, behind a token so tests can replace them. */
export interface Attention {
  permission(): NotificationPermissionState;
  requestPermission(): Promise<NotificationPermissionState>;
  /** A system notification; clicking it focuses the tab and runs `onClick`. */
  notify(title: string, body: string, tag: string, onClick: () => void): void;
  /** A short tone: one for a success, two falling ones for a failure. */
  chime(kind: 'success' | 'failure'): void;
}

export const ATTENTION = new InjectionToken<Attention>('ATTENTION', {
  providedIn: 'root',
  factory: () => browserAttention(inject(DOCUMENT).defaultView),
});

const NO_ATTENTION: Attention = {
  permission: () => 'unsupported',
  requestPermission: async () => 'unsupported',
  notify: () => undefined,
  chime: () => undefined,
};

function browserAttention(view: (Window & typeof globalThis) | null): Attention {
  if (!view) return NO_ATTENTION;
  const notifications = 'Notification' in view ? view.Notification : null;
  let audio: AudioContext | null = null;
  return {
    permission: () => notifications?.permission ?? 'unsupported',
    requestPermission: async () => (notifications ? notifications.requestPermission() : 'unsupported'),
    notify(title, body, tag, onClick) {
      if (notifications?.permission !== 'granted') return;
      const notification = new notifications(title, { body, tag });
      notification.onclick = () => {
        view.focus();
        onClick();
        notification.close();
      };
    },
    chime(kind) {
      if (!('AudioContext' in view)) return;
      const context = (audio ??= new view.AudioContext());
      const tones = kind === 'success' ? [880] : [660, 440];
      tones.forEach((frequency, index) => {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        const start = context.currentTime + index * 0.18;
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.15, start);
        gain.gain.exponentialRampToValueAtTime(0.001, start + 0.16);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(start);
        oscillator.stop(start + 0.17);
      });
    },
  };
}
