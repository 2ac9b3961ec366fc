import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { CHECKING } from './auth-state';
import { AuthStore } from './auth-store';

/**
 * The account corner of the toolbar: who is signed in (name, email, visits) with sign-out, a
 * "No sign-in" label when the master has no user database, or a sign-in link. A plain
 * disclosure rather than Material's menu, to keep the shell small.
 */
@Component({
  selector: 'app-user-menu',
  imports: [RouterLink],
  template: `
    @switch (auth().kind) {
      @case ('no-auth') {
        <span
          class="no-auth"
          role="note"
          title="This master has no user database, so there is no sign-in: everyone can use the dashboard."
          >No sign-in</span
        >
      }
      @case ('signed-out') {
        <a class="icon-button" routerLink="/login" aria-label="Sign in" title="Sign in">
          <span class="material-icons" aria-hidden="true">login</span>
        </a>
      }
      @default {
        @if (user(); as user) {
          <button
            type="button"
            class="icon-button"
            aria-haspopup="true"
            aria-controls="user-menu-panel"
            [attr.aria-expanded]="open()"
            [attr.aria-label]="'Account: ' + user.name"
            (click)="open.set(!open())"
          >
            <span class="avatar" aria-hidden="true">{{ initial(user.name) }}</span>
          </button>
          @if (open()) {
            <div id="user-menu-panel" class="panel" role="region" aria-label="Account">
              <p class="name">{{ user.name }}</p>
              <p class="muted">{{ user.email }}</p>
              <p class="muted">Visit {{ user.visit_count }} · member since {{ user.created_at.slice(0, 10) }}</p>
              <button type="button" class="sign-out" (click)="signOut()">
                <span class="material-icons" aria-hidden="true">logout</span> Sign out
              </button>
            </div>
          }
        }
      }
    }
  `,
  styleUrl: './user-menu.scss',
  host: {
    '(document:click)': 'closeIfOutside($event)',
    '(document:keydown.escape)': 'open.set(false)',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserMenu {
  private readonly host = inject(ElementRef<HTMLElement>);
  private readonly authStore = inject(AuthStore);

  /** Whose account this is: the session as the session store has it. */
  protected readonly auth = toSignal(this.authStore.state$, { initialValue: CHECKING });

  protected readonly open = signal(false);

  protected user() {
    const auth = this.auth();
    return auth.kind === 'signed-in' || auth.kind === 'expired' ? auth.user : null;
  }

  protected initial(name: string): string {
    return (name.trim()[0] ?? '?').toUpperCase();
  }

  protected signOut(): void {
    this.authStore.signOut();
  }

  protected closeIfOutside(event: Event): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.open.set(false);
  }
}
