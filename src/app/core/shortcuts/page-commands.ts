import { DestroyRef, Injectable } from '@angular/core';
import { PageCommand } from './shortcuts';

export type PageCommandHandlers = Partial<Record<PageCommand, () => void>>;

/**
 * What the current page does for the keyboard's page commands (`/`, `j`, `k`, `r`, `p` …): a page
 * offers its handlers while it is shown; the shortcuts run them. One page at a time.
 */
@Injectable({ providedIn: 'root' })
export class PageCommands {
  private handlers: PageCommandHandlers = {};

  /** Offers `handlers` until `destroyRef` (the page's) is destroyed. */
  offer(handlers: PageCommandHandlers, destroyRef: DestroyRef): void {
    this.handlers = handlers;
    destroyRef.onDestroy(() => {
      if (this.handlers === handlers) this.handlers = {};
    });
  }

  /** Whether the current page offers `command`. */
  offers(command: PageCommand): boolean {
    return this.handlers[command] !== undefined;
  }

  /** Runs `command` on the current page; `false` when the page does not offer it. */
  run(command: PageCommand): boolean {
    const handler = this.handlers[command];
    handler?.();
    return handler !== undefined;
  }
}
