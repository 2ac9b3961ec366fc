import { Directive, ElementRef, afterRenderEffect, inject, input } from '@angular/core';

/**
 * A list row the keyboard moves to (`j`, `k`): focusable, marked while it is the keyboard's row,
 * and focused when it becomes so (which scrolls it into view and has screen readers read it out),
 * unless the focus is already inside it.
 */
@Directive({
  selector: '[appFocusableRow]',
  host: {
    '[attr.tabindex]': 'focused() ? 0 : -1',
    '[class.keyboard-row]': 'focused()',
  },
})
export class FocusableRow {
  readonly focused = input(false);

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterRenderEffect(() => {
      if (this.focused() && !host.contains(document.activeElement)) host.focus();
    });
  }
}

/** Where a list's row may have no element yet (virtualised): `index` scrolled into the rendered range. */
export function renderRow(
  viewport: { getRenderedRange(): { start: number; end: number }; scrollToIndex(index: number): void },
  index: number,
): void {
  const { start, end } = viewport.getRenderedRange();
  if (index >= 0 && (index < start || index >= end)) viewport.scrollToIndex(index);
}
