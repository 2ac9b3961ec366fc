import { signal } from '@angular/core';

/**
 * The row the keyboard moves to from `current` by `step` (`j` is 1, `k` is -1): the first row when
 * none is focused yet or the focused one has left the list, and the ends hold (no wrapping round).
 * `null` for an empty list.
 */
export function rowAfter(ids: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))];
}

/**
 * Which row of a list the keyboard is on: the row `j` and `k` moved to last, or the row that took
 * the focus since (clicked, or tabbed to; the list reports it through {@link focused}). Kept here
 * rather than read from the focused element: a move's focus lands on the next render, and keys
 * pressed before it, held down or typed fast, would otherwise each start from the row the focus has
 * not left yet and be lost. Rows carry their id in a data attribute (`data-task-id`).
 */
export class RowFocus {
  /** The row `j` and `k` moved to last, for the list to focus; `null` before the first move. */
  readonly movedTo = signal<string | null>(null);
  private onRow: string | null = null;

  /** @param idAttribute the rows' id attribute, such as `data-task-id` */
  constructor(private readonly idAttribute: string) {}

  /** Moves to the next (1) or previous (-1) of `ids`, the list as shown. */
  move(ids: readonly string[], step: 1 | -1): void {
    const next = rowAfter(ids, this.onRow, step);
    if (next === null) return;
    this.onRow = next;
    this.movedTo.set(next);
  }

  /** Something in the list took the focus: when it is in a row, the keyboard is on that row now. */
  focused(event: FocusEvent): void {
    const row = event.target instanceof Element ? event.target.closest(`[${this.idAttribute}]`) : null;
    const id = row?.getAttribute(this.idAttribute);
    if (id) this.onRow = id;
  }

  current(): string | null {
    return this.onRow;
  }
}
