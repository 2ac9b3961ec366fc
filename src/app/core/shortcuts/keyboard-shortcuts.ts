import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
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
  private pending: PendingKeys | null = null;

  /** Reads one key press (`KeyboardEvent.key`) at `at`; whether it ran a command. */
  press(key: string, at: number): boolean {
    const { command, pending } = readKey(this.pending, key, at);
    this.pending = pending;
    return command !== null && this.run(command);
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
    return this.pageCommands.run(command as PageCommand);
  }
}
