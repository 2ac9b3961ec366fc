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
 * Which row of a list the keyboard is on: the row holding the focus (clicked, or tabbed to), else
 * the one `j` and `k` last moved to. Rows carry their id in a data attribute (`data-task-id`).
 */
export class RowFocus {
  /** The row `j` and `k` moved to last; `null` before the first move. */
  readonly movedTo = signal<string | null>(null);

  /** @param idAttribute the rows' id attribute, such as `data-task-id` */
  constructor(private readonly idAttribute: string) {}

  /** Moves to the next (1) or previous (-1) of `ids`, the list as shown. */
  move(ids: readonly string[], step: 1 | -1): void {
    const next = rowAfter(ids, this.current(), step);
    if (next !== null) this.movedTo.set(next);
  }

  current(): string | null {
    const row = document.activeElement?.closest(`[${this.idAttribute}]`);
    return row?.getAttribute(this.idAttribute) ?? this.movedTo();
  }
}
