import { ErrorHandler, Injectable, Injector, inject } from '@angular/core';

/** The same error again within this long is logged but not shown again. */
const REPEAT_QUIET_MS = 30_000;

/**
 * Errors nothing else handled (a bug, not a failed request: requests turn failures into values).
 * Each goes to the console with its stack; the operator is told once, in a snackbar, that
 * something went wrong and a reload may help, without a flood when the same error repeats.
 */
@Injectable()
export class AppErrorHandler implements ErrorHandler {
  // The snackbar is loaded on first use: it is not worth its weight in the first download.
  private readonly injector = inject(Injector);
  private readonly lastShown = new Map<string, number>();

  handleError(error: unknown): void {
    console.error('Unexpected error:', error);
    const message = error instanceof Error ? error.message : String(error);
    const now = Date.now();
    if (now - (this.lastShown.get(message) ?? -Infinity) < REPEAT_QUIET_MS) return;
    this.lastShown.set(message, now);
    void import('@angular/material/snack-bar').then(({ MatSnackBar }) =>
      this.injector
        .get(MatSnackBar)
        .open(`Something went wrong on this page (${truncate(message)}). Reloading may help.`, 'Dismiss', {
          duration: 10_000,
        }),
    );
  }
}

function truncate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
