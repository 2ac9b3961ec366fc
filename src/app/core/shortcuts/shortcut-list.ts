import { ChangeDetectionStrategy, Component } from '@angular/core';
import { SHORTCUTS, SHORTCUT_PLACES, Shortcut } from './shortcuts';

/** How a key is written on the sheet. */
const KEY_LABEL: Record<string, string> = { Enter: 'Enter' };

/** Every keyboard shortcut, by where it works: opened with `?`, and shown on the help page. */
@Component({
  selector: 'app-shortcut-list',
  template: `
    @for (group of groups; track group.where) {
      <h3>{{ group.where }}</h3>
      <dl>
        @for (shortcut of group.shortcuts; track shortcut.command) {
          <div class="shortcut" data-testid="shortcut">
            <dt>
              @for (key of shortcut.keys; track $index) {
                @if (!$first) {
                  <span class="then">then</span>
                }
                <kbd>{{ label(key) }}</kbd>
              }
            </dt>
            <dd>{{ shortcut.description }}</dd>
          </div>
        }
      </dl>
    }
    <p class="note">Shortcuts are ignored while you type in a field.</p>
  `,
  styles: `
    h3 {
      margin: 12px 0 2px;
      font: var(--mat-sys-title-small);
    }
    dl {
      margin: 0;
    }
    .shortcut {
      display: grid;
      grid-template-columns: 120px 1fr;
      align-items: center;
      gap: 12px;
      padding: 2px 0;
    }
    dt {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    dd {
      margin: 0;
    }
    kbd {
      min-width: 1.6em;
      padding: 1px 6px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      font: var(--mat-sys-label-large);
      font-family: ui-monospace, monospace;
      text-align: center;
    }
    .then,
    .note {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShortcutList {
  protected readonly groups = SHORTCUT_PLACES.map((where) => ({
    where,
    shortcuts: SHORTCUTS.filter((shortcut: Shortcut) => shortcut.where === where),
  }));

  protected label(key: string): string {
    return KEY_LABEL[key] ?? key;
  }
}
