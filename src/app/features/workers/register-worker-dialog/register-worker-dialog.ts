import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RegisterWorkerStore } from '../data/register-worker-store';

/** `host:port` of the worker's gRPC server: a host name or IPv4/IPv6 address, and a port 1–65535. */
const ADDRESS_PATTERN = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):([1-9]\d{0,4})$/;

/** Pre-registers a worker with the master (`POST /api/workers`); the worker then connects and starts heartbeating. */
@Component({
  selector: 'app-register-worker-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressSpinnerModule,
  ],
  templateUrl: './register-worker-dialog.html',
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 8px;
      width: min(440px, 80vw);
    }
    .server-error {
      color: var(--mat-sys-error);
      white-space: pre-wrap;
      margin: 0 0 8px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 12px;
    }
  `,
  // One store per dialog.
  providers: [RegisterWorkerStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterWorkerDialog {
  private readonly dialogRef = inject(MatDialogRef<RegisterWorkerDialog, string>);
  private readonly store = inject(RegisterWorkerStore);

  protected readonly form = inject(NonNullableFormBuilder).group({
    workerId: ['', [Validators.required, Validators.maxLength(128), Validators.pattern(/^\S+$/)]],
    address: ['', [Validators.required, addressValidator]],
  });
  private readonly state = toSignal(this.store.state$, { requireSync: true });
  protected readonly submitting = computed(() => this.state().kind === 'sending');
  protected readonly serverError = computed(() => {
    const state = this.state();
    return state.kind === 'refused' ? state.message : null;
  });

  constructor() {
    this.closeOnceRegistered();
  }

  protected register(): void {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    const { workerId, address } = this.form.getRawValue();
    this.store.register(workerId, address);
  }

  private closeOnceRegistered(): void {
    this.store.registered$.pipe(takeUntilDestroyed()).subscribe((workerId) => this.dialogRef.close(workerId));
  }
}

function addressValidator(control: { value: string }) {
  const value = control.value.trim();
  if (value === '') {
    return null;
  }
  const match = ADDRESS_PATTERN.exec(value);
  return match && Number(match[3]) <= 65535 ? null : { address: true };
}
