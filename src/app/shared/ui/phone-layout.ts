import { DOCUMENT } from '@angular/common';
import { DestroyRef, Signal, inject, signal } from '@angular/core';

/**
 * Phones (390 px) and narrow windows: lists become cards. The same width as the styles'
 * `@media (max-width: 599.98px)` rules, which lay the cards out; this tells the virtual lists
 * their taller row height.
 */
export const PHONE_QUERY = '(max-width: 599.98px)';

/** Whether the phone layout applies now, following the window's width. Call in an injection context. */
export function injectPhoneLayout(): Signal<boolean> {
  const query = inject(DOCUMENT).defaultView?.matchMedia?.(PHONE_QUERY);
  const phone = signal(query?.matches ?? false);
  if (query) {
    const follow = (event: MediaQueryListEvent) => phone.set(event.matches);
    query.addEventListener('change', follow);
    inject(DestroyRef).onDestroy(() => query.removeEventListener('change', follow));
  }
  return phone.asReadonly();
}
