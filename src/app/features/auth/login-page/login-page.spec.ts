import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { BehaviorSubject } from 'rxjs';
import { AuthState } from '../../../core/auth/auth-state';
import { AuthStore } from '../../../core/auth/auth-store';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  async function render(initial: AuthState, returnUrl = '/tasks?status=failed') {
    const state = new BehaviorSubject<AuthState>(initial);
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideRouter([]), { provide: AuthStore, useValue: { state$: state, signIn: jasmine.createSpy() } }],
    });
    const navigateByUrl = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    const fixture = TestBed.createComponent(LoginPage);
    fixture.componentRef.setInput('returnUrl', returnUrl);
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, state, navigateByUrl, fixture };
  }

  it('asks for email and password, with a way to create an account that keeps where the operator was going', async () => {
    const { element } = await render({ kind: 'signed-out' });

    expect(element.querySelector('input[type="email"], input[autocomplete="username"]')).not.toBeNull();
    expect(element.querySelector('a[href^="/register"]')?.getAttribute('href')).toContain('returnUrl=');
  });

  it('goes on to where the operator was going once signed in', async () => {
    const { state, navigateByUrl, fixture } = await render({ kind: 'signed-out' });

    state.next({
      kind: 'signed-in',
      user: { email: 'a@example.com', name: 'A', visit_count: 1, created_at: '2025-11-18T20:30:01.123Z' },
    });
    await fixture.whenStable();

    expect(navigateByUrl).toHaveBeenCalledWith('/tasks?status=failed');
  });

  it('never sends the operator off the dashboard, or back to sign-in', async () => {
    const { state, navigateByUrl, fixture } = await render({ kind: 'signed-out' }, 'https://evil.example.com/');

    state.next({
      kind: 'signed-in',
      user: { email: 'a@example.com', name: 'A', visit_count: 1, created_at: '2025-11-18T20:30:01.123Z' },
    });
    await fixture.whenStable();

    expect(navigateByUrl).toHaveBeenCalledWith('/dashboard');
  });

  it('says there is no sign-in on a master without a user database', async () => {
    const { element } = await render({ kind: 'no-auth' });

    expect(element.textContent).toContain('there is no sign-in');
  });
});
