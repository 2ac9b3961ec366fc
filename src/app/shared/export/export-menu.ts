import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { Icon } from '../ui/icon';
import { ExportFormat } from './export-file';

/** The *Export* button of a list: CSV or JSON of exactly the rows shown. */
@Component({
  selector: 'app-export-menu',
  imports: [MatButtonModule, MatMenuModule, Icon],
  template: `
    <button
      mat-stroked-button
      type="button"
      [matMenuTriggerFor]="formats"
      [disabled]="count() === 0"
      [attr.aria-label]="'Export the ' + count() + ' ' + what() + ' shown'"
    >
      <app-icon class="material-icons">download</app-icon> Export
    </button>
    <mat-menu #formats="matMenu">
      <button mat-menu-item type="button" (click)="exportAs.emit('csv')">CSV (spreadsheets)</button>
      <button mat-menu-item type="button" (click)="exportAs.emit('json')">JSON</button>
    </mat-menu>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportMenu {
  /** How many rows would be exported. */
  readonly count = input.required<number>();
  /** What the rows are, for the label: `tasks`, `workers`. */
  readonly what = input.required<string>();
  readonly exportAs = output<ExportFormat>();
}
