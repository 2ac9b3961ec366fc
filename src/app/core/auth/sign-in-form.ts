import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { finalize } from 'rxjs';
import { AuthStore } from './auth-store';

/** Email and password, the master's answer shown as it is, busy while waiting; Enter submits. */
@Component({
  selector: 'app-sign-in-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressSpinnerModule],
  template: `
    <form class="stacked-form" [formGroup]="form" (ngSubmit)="signIn()" novalidate>
      <mat-form-field appearance="outline">
        <mat-label>Email</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="username" />
        @if (form.controls.email.invalid) {
          <mat-error>Enter the email you registered with.</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Password</mat-label>
        <input matInput type="password" formControlName="password" autocomplete="current-password" />
        @if (form.controls.password.invalid) {
          <mat-error>Enter your password.</mat-error>
        }
      </mat-form-field>
      @if (error(); as error) {
        <p class="form-error" role="alert">{{ error }}</p>
      }
      <button mat-flat-button type="submit" [disabled]="busy()">
        @if (busy()) {
          <mat-spinner diameter="18" aria-hidden="true" />
        }
        {{ busy() ? 'Signing in…' : 'Sign in' }}
      </button>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInForm implements OnInit {
  private readonly auth = inject(AuthStore);

  /** Prefills the email, e.g. of the user whose session ended. */
  readonly email = input('');
  readonly signedIn = output<void>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.pattern(/\S/)]],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly destroyRef = inject(DestroyRef);

  ngOnInit(): void {
    if (this.email()) this.form.controls.email.setValue(this.email());
  }

  protected signIn(): void {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.auth
      .signIn(email.trim(), password)
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((error) => {
        if (error === null) this.signedIn.emit();
        else this.error.set(error);
      });
  }
}
