import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { BehaviorSubject } from 'rxjs';
import { AuthState } from '../../../core/auth/auth-state';
import { AuthStore } from '../../../core/auth/auth-store';
import { WaitingPage } from './waiting-page';

describe('WaitingPage', () => {
  async function render() {
    const state = new BehaviorSubject<AuthState>({ kind: 'unreachable', message: 'The master cannot be reached.' });
    TestBed.configureTestingModule({
      imports: [WaitingPage],
      providers: [provideRouter([]), { provide: AuthStore, useValue: { state$: state } }],
    });
    const navigateByUrl = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    const fixture = TestBed.createComponent(WaitingPage);
    fixture.componentRef.setInput('returnUrl', '/workers');
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, state, navigateByUrl, fixture };
  }

  it('shows nothing of the cluster, says why and keeps waiting while the master cannot be reached', async () => {
    const { element, navigateByUrl } = await render();

    expect(element.textContent).toContain('Waiting for the master');
    expect(element.textContent).toContain('The master cannot be reached.');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('moves on by itself once the master has answered, whatever it said', async () => {
    const { state, navigateByUrl, fixture } = await render();

    state.next({ kind: 'signed-out' });
    await fixture.whenStable();

    expect(navigateByUrl).toHaveBeenCalledOnceWith('/workers');
  });
});
