import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { RegisterPage } from './register-page';

describe('RegisterPage', () => {
  async function render(answer: string | null) {
    const register = jasmine.createSpy('register').and.returnValue(of(answer));
    TestBed.configureTestingModule({
      imports: [RegisterPage],
      providers: [
        provideRouter([]),
        { provide: AuthStore, useValue: { register, state$: of({ kind: 'signed-out' }) } },
      ],
    });
    const navigateByUrl = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    const fixture = TestBed.createComponent(RegisterPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const fill = async (values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values)) {
        const input = element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`)!;
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
      element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await fixture.whenStable();
    };
    return { element, register, navigateByUrl, fill };
  }

  const valid = { name: ' Ada ', email: 'ada@example.com', password: 'secret1', confirmation: 'secret1' };

  it('creates the account and goes on', async () => {
    const { register, navigateByUrl, fill } = await render(null);

    await fill(valid);

    expect(register).toHaveBeenCalledOnceWith('Ada', 'ada@example.com', 'secret1');
    expect(navigateByUrl).toHaveBeenCalledWith('/dashboard');
  });

  it('sends nothing for an address that is not an email, or passwords that differ', async () => {
    const { register, fill } = await render(null);

    await fill({ ...valid, email: 'not-an-email' });
    await fill({ ...valid, confirmation: 'secret2' });

    expect(register).not.toHaveBeenCalled();
  });

  it("shows the master's refusal", async () => {
    const { element, fill } = await render('user with this email already exists');

    await fill(valid);

    expect(element.textContent).toContain('user with this email already exists');
  });
});
