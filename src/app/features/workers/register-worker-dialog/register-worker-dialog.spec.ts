import { TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { BehaviorSubject, Subject } from 'rxjs';
import { RegisterState, RegisterWorkerStore } from '../data/register-worker-store';
import { RegisterWorkerDialog } from './register-worker-dialog';

describe('RegisterWorkerDialog', () => {
  async function render() {
    const state = new BehaviorSubject<RegisterState>({ kind: 'idle' });
    const registered = new Subject<string>();
    const register = jasmine.createSpy('register');
    const close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [RegisterWorkerDialog],
      providers: [{ provide: MatDialogRef, useValue: { close } }],
    });
    TestBed.overrideComponent(RegisterWorkerDialog, {
      set: {
        providers: [{ provide: RegisterWorkerStore, useValue: { state$: state, registered$: registered, register } }],
      },
    });
    const fixture = TestBed.createComponent(RegisterWorkerDialog);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const type = async (name: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await fixture.whenStable();
    };
    return { fixture, element, state, registered, register, close, type, submit };
  }

  it('sends a valid registration to the store and closes with the id once the master has it', async () => {
    const { type, submit, register, registered, close } = await render();
    await type('workerId', 'kiwi');
    await type('address', '10.0.0.1:50052');

    await submit();
    registered.next('kiwi');

    expect(register).toHaveBeenCalledOnceWith('kiwi', '10.0.0.1:50052');
    expect(close).toHaveBeenCalledOnceWith('kiwi');
  });

  it('sends nothing for an address without a port', async () => {
    const { type, submit, register } = await render();
    await type('workerId', 'kiwi');
    await type('address', '10.0.0.1');

    await submit();

    expect(register).not.toHaveBeenCalled();
  });

  it("shows the master's refusal", async () => {
    const { fixture, element, state } = await render();

    state.next({ kind: 'refused', message: 'Database not available' });
    await fixture.whenStable();

    expect(element.textContent).toContain('Database not available');
  });
});
