import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { finalize } from 'rxjs';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { WorkersClient } from '../../../shared/cloudai/workers-client';
import { toErrorMessage } from '../../../shared/http/error-message';

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
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterWorkerDialog {
  private readonly dialogRef = inject(MatDialogRef<RegisterWorkerDialog, string>);
  private readonly workersClient = inject(WorkersClient);
  private readonly liveWorkers = inject(LiveWorkersStore);

  protected readonly form = inject(NonNullableFormBuilder).group({
    workerId: ['', [Validators.required, Validators.maxLength(128), Validators.pattern(/^\S+$/)]],
    address: ['', [Validators.required, addressValidator]],
  });
  protected readonly submitting = signal(false);
  protected readonly serverError = signal<string | null>(null);

  protected register(): void {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    const { workerId, address } = this.form.getRawValue();
    this.submitting.set(true);
    this.serverError.set(null);
    this.workersClient
      .registerWorker(workerId.trim(), address.trim())
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: () => {
          this.liveWorkers.refreshRegistry();
          this.dialogRef.close(workerId.trim());
        },
        error: (error: unknown) => this.serverError.set(toErrorMessage(error)),
      });
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
