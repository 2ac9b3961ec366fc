import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { filter } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { SignInForm } from '../../../core/auth/sign-in-form';
import { safeReturnUrl } from '../../../core/auth/user-data';

/** Sign in with the master's cookie session, then on to where the operator was going. */
@Component({
  selector: 'app-login-page',
  imports: [AsyncPipe, RouterLink, SignInForm],
  template: `
    <section class="card">
      <h1>Sign in</h1>
      @if ((auth$ | async)?.kind === 'no-auth') {
        <p>This master has no user database, so there is no sign-in: everyone can use the dashboard.</p>
        <a [routerLink]="destination()">Continue</a>
      } @else {
        <p class="muted">Sign in to the CloudAI master to see and run tasks.</p>
        <!-- Signing in changes the session state, which leaves this page. -->
        <app-sign-in-form />
        <p class="switch">
          No account yet? <a routerLink="/register" [queryParams]="{ returnUrl: returnUrl() }">Create one</a>
        </p>
      }
    </section>
  `,
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);

  /** Where the guard sent the operator from; a query parameter bound by the router. */
  readonly returnUrl = input<string>();

  protected readonly auth$ = this.auth.state$;

  constructor() {
    this.leaveWhenAlreadySignedIn();
  }

  protected destination(): string {
    return safeReturnUrl(this.returnUrl());
  }

  protected continue(): void {
    void this.router.navigateByUrl(this.destination());
  }

  private leaveWhenAlreadySignedIn(): void {
    this.auth.state$
      .pipe(
        filter((state) => state.kind === 'signed-in'),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.continue());
  }
}
