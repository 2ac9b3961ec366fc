import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { Icon } from './icon';

export interface SortableColumn<K extends string> {
  readonly key: K;
  readonly label: string;
}

/**
 * The frame of a large live table: a header of sort buttons (with `aria-sort`) above projected
 * rows. Rows lay themselves out on the same grid through the `--table-columns` custom property,
 * which the host page sets; the rows are usually a virtual scroll viewport. Extra header cells
 * (a select-all box, an actions label) can be projected before and after the sortable ones.
 */
@Component({
  selector: 'app-sortable-table',
  imports: [Icon],
  template: `
    <div class="table" role="table" [attr.aria-label]="label()" [attr.aria-rowcount]="rowCount() + 1">
      <div class="header" role="row">
        <ng-content select="[leadingHeader]" />
        @for (column of columns(); track column.key) {
          <div role="columnheader" [attr.aria-sort]="ariaSort(column.key)">
            <button type="button" class="sort" (click)="sortBy.emit(column.key)">
              {{ column.label }}
              @if (sort() === column.key) {
                <app-icon class="material-icons" aria-hidden="true">{{
                  direction() === 'asc' ? 'arrow_upward' : 'arrow_downward'
                }}</app-icon>
              }
            </button>
          </div>
        }
        <ng-content select="[trailingHeader]" />
      </div>
      <ng-content />
    </div>
  `,
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    .table {
      min-width: var(--table-min-width, 1300px);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      overflow: hidden;
    }
    .header {
      display: grid;
      grid-template-columns: var(--table-columns);
      column-gap: 12px;
      padding: 0 16px;
      background: var(--mat-sys-surface-container);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .sort {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      height: 44px;
      padding: 0;
      border: 0;
      background: none;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
      text-align: left;
      cursor: pointer;
    }
    .sort app-icon {
      font-size: 16px;
      width: 16px;
      height: 16px;
    }
    /* Phones: the rows are cards, and the header a wrapping line of sort buttons. */
    @media (max-width: 599.98px) {
      .table {
        min-width: 0;
      }
      .header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        column-gap: 14px;
        padding: 4px 12px;
      }
      .sort {
        height: 32px;
        font: var(--mat-sys-label-medium);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SortableTable<K extends string> {
  readonly label = input.required<string>();
  readonly columns = input.required<readonly SortableColumn<K>[]>();
  readonly sort = input.required<K>();
  readonly direction = input.required<'asc' | 'desc'>();
  readonly rowCount = input.required<number>();
  readonly sortBy = output<K>();

  protected ariaSort(key: K): 'ascending' | 'descending' | 'none' {
    if (this.sort() !== key) {
      return 'none';
    }
    return this.direction() === 'asc' ? 'ascending' : 'descending';
  }
}
