import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { mayUseDashboard } from '../auth/auth-state';
import { AuthStore } from '../auth/auth-store';
import { PageCommands } from './page-commands';
import { PageCommand, PendingKeys, ShortcutCommand, readKey } from './shortcuts';
import { ShortcutSheet } from './shortcut-sheet';

const GO_TO: Partial<Record<ShortcutCommand, string>> = {
  'go-dashboard': '/dashboard',
  'go-workers': '/workers',
  'go-tasks': '/tasks',
  'new-task': '/tasks/new',
};

/**
 * The keyboard shortcuts (see `SHORTCUTS`): the shell passes on every key press that is not typing
 * in a field, and this runs what it completes. Loaded on the first such key press, so the first
 * download does not carry it.
 */
@Injectable({ providedIn: 'root' })
export class KeyboardShortcuts {
  private readonly router = inject(Router);
  private readonly pageCommands = inject(PageCommands);
  private readonly dialog = inject(MatDialog);
  private readonly authStore = inject(AuthStore);
  private pending: PendingKeys | null = null;

  /** Reads one key press (`KeyboardEvent.key`) at `at`; whether it ran a command. */
  press(key: string, at: number): boolean {
    const { command, pending } = readKey(this.pending, key, at);
    this.pending = pending;
    return command !== null && this.run(command);
  }

  /**
   * Opens the command palette over the page, unless a dialog is already in front (the palette
   * itself, or a confirmation). Only for someone who may see the cluster: it lists its tasks.
   */
  async openPalette(): Promise<void> {
    if (this.dialog.openDialogs.length > 0) return;
    if (!mayUseDashboard(await firstValueFrom(this.authStore.state$))) return;
    const { CommandPalette } = await import('../palette/command-palette');
    if (this.dialog.openDialogs.length > 0) return;
    this.dialog.open(CommandPalette, {
      ariaLabel: 'Command palette',
      width: '640px',
      maxWidth: 'calc(100vw - 16px)',
      position: { top: '10vh' },
      autoFocus: 'input',
      panelClass: 'command-palette-panel',
    });
  }

  private run(command: ShortcutCommand): boolean {
    // A dialog is in front: its keys are its own, and the page behind it stays as it is.
    if (this.dialog.openDialogs.length > 0) return false;
    const path = GO_TO[command];
    if (path !== undefined) {
      void this.router.navigateByUrl(path);
      return true;
    }
    if (command === 'show-shortcuts') {
      this.dialog.open(ShortcutSheet, { autoFocus: 'dialog', width: '560px' });
      return true;
    }
    if (command === 'open-palette') {
      void this.openPalette();
      return true;
    }
    return this.pageCommands.run(command as PageCommand);
  }
}
