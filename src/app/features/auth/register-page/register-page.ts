import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { finalize } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { safeReturnUrl } from '../../../core/auth/user-data';

/** The master's rule: at least 6 characters. */
const MIN_PASSWORD = 6;

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const { password, confirmation } = group.value as { password: string; confirmation: string };
  return confirmation && password !== confirmation ? { mismatch: true } : null;
}

/** Creates an account and signs straight in (the master itself does not, on registration). */
@Component({
  selector: 'app-register-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
  ],
  template: `
    <section class="card">
      <h1>Create an account</h1>
      <form class="stacked-form" [formGroup]="form" (ngSubmit)="register()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" autocomplete="name" />
          @if (form.controls.name.invalid) {
            <mat-error>Enter your name.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Email</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="username" />
          @if (form.controls.email.invalid) {
            <mat-error>Enter an email address, such as ada&#64;example.com.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Password</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" />
          <mat-hint>At least {{ minPassword }} characters.</mat-hint>
          @if (form.controls.password.invalid) {
            <mat-error>At least {{ minPassword }} characters.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Confirm password</mat-label>
          <input matInput type="password" formControlName="confirmation" autocomplete="new-password" />
        </mat-form-field>
        @if (form.hasError('mismatch') && form.controls.confirmation.touched) {
          <p class="form-error" role="alert">The passwords do not match.</p>
        }
        @if (error(); as error) {
          <p class="form-error" role="alert">{{ error }}</p>
        }
        <button mat-flat-button type="submit" [disabled]="busy()">
          @if (busy()) {
            <mat-spinner diameter="18" aria-hidden="true" />
          }
          {{ busy() ? 'Creating the account…' : 'Create account' }}
        </button>
      </form>
      <p class="switch">
        Already registered? <a routerLink="/login" [queryParams]="{ returnUrl: returnUrl() }">Sign in</a>
      </p>
    </section>
  `,
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  readonly returnUrl = input<string>();

  protected readonly minPassword = MIN_PASSWORD;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      name: ['', [Validators.required, Validators.pattern(/\S/)]],
      // The master takes any text as an email; the dashboard asks for a real address, since it is the sign-in name.
      email: ['', [Validators.required, Validators.email, Validators.pattern(/^\S+@\S+\.\S+$/)]],
      password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD)]],
      confirmation: ['', Validators.required],
    },
    { validators: passwordsMatch },
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected register(): void {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, email, password } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.auth
      .register(name.trim(), email.trim(), password)
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((error) => {
        if (error === null) void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
        else this.error.set(error);
      });
  }
}
