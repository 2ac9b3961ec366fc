import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { ShortcutList } from './shortcut-list';

/** The shortcut sheet opened with `?`. */
@Component({
  selector: 'app-shortcut-sheet',
  imports: [MatDialogModule, MatButtonModule, ShortcutList],
  template: `
    <h2 mat-dialog-title>Keyboard shortcuts</h2>
    <!-- Focusable, so the list scrolls with the keyboard on a short screen. -->
    <mat-dialog-content tabindex="0" role="region" aria-label="Shortcuts">
      <app-shortcut-list />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close type="button">Close</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShortcutSheet {}
