import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { filter, take } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { safeReturnUrl } from '../../../core/auth/user-data';

/**
 * Where a data page waits while the master cannot say who is using the dashboard: an unknown
 * session is not a session, so nothing of the cluster is shown until the master answers. Then on
 * to the page asked for (whose guard lets the operator in or sends them to sign in), by itself.
 */
@Component({
  selector: 'app-waiting-page',
  imports: [AsyncPipe],
  template: `
    <section class="card" aria-live="polite">
      <h1>Waiting for the master</h1>
      <p>
        The dashboard cannot reach the CloudAI master, so it cannot tell yet who is signed in. Nothing is shown until
        the master answers; this page moves on by itself as soon as it does.
      </p>
      @if (auth$ | async; as auth) {
        @if (auth.kind === 'unreachable') {
          <p class="muted">{{ auth.message }} Asking again every few seconds.</p>
        }
      }
    </section>
  `,
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WaitingPage {
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);

  /** Where the guard sent the operator from; a query parameter bound by the router. */
  readonly returnUrl = input<string>();

  protected readonly auth$ = this.auth.state$;

  constructor() {
    this.moveOnOnceAnswered();
  }

  private moveOnOnceAnswered(): void {
    this.auth.state$
      .pipe(
        filter((state) => state.kind !== 'checking' && state.kind !== 'unreachable'),
        take(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())));
  }
}
