import { ChangeDetectionStrategy, Component, Injector, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { Observable } from 'rxjs';
import { AuthUser } from '../../shared/cloudai/auth.model';
import { AuthStore } from './auth-store';
import { SignInForm } from './sign-in-form';

/**
 * Opens over whatever page the operator was on when the session ended. Signing in closes it and
 * they carry on; the page underneath, and anything typed into it, was never left.
 */
@Component({
  selector: 'app-session-expired-dialog',
  imports: [MatButtonModule, MatDialogModule, SignInForm],
  template: `
    <h2 mat-dialog-title>Your session has ended</h2>
    <mat-dialog-content>
      <p>Sign in again to carry on. This page stays as it is, with everything you typed.</p>
      <app-sign-in-form [email]="user.email" (signedIn)="close()" />
    </mat-dialog-content>
    <mat-dialog-actions align="start">
      <button mat-button type="button" (click)="signOut()">Sign in as someone else</button>
    </mat-dialog-actions>
  `,
  styles: `
    mat-dialog-content {
      width: min(420px, 80vw);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionExpiredDialog {
  private readonly dialogRef = inject(MatDialogRef<SessionExpiredDialog>);
  private readonly auth = inject(AuthStore);
  protected readonly user = inject<AuthUser>(MAT_DIALOG_DATA);

  protected close(): void {
    this.dialogRef.close();
  }

  protected signOut(): void {
    this.auth.signOut();
  }
}

/** Opens the dialog; emits when the operator has signed in again. Loaded on demand by the shell. */
export function openSessionExpiredDialog(injector: Injector, user: AuthUser): Observable<unknown> {
  return (
    injector
      .get(MatDialog)
      // The email is filled in already: focus goes to the password, where the operator types next.
      .open(SessionExpiredDialog, { data: user, disableClose: true, autoFocus: 'input[type="password"]' })
      .afterClosed()
  );
}
