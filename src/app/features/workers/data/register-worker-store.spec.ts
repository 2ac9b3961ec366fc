import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable } from 'rxjs';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { WorkersClient } from '../../../shared/cloudai/workers-client';
import { marbles } from '../../../testing/marbles';
import { RegisterWorkerStore } from './register-worker-store';

describe('RegisterWorkerStore', () => {
  function storeWith(registerWorker: (id: string, address: string) => Observable<unknown>) {
    const refreshRegistry = jasmine.createSpy('refreshRegistry');
    TestBed.configureTestingModule({
      providers: [
        RegisterWorkerStore,
        { provide: WorkersClient, useValue: { registerWorker } },
        { provide: LiveWorkersStore, useValue: { refreshRegistry } },
      ],
    });
    return { store: TestBed.inject(RegisterWorkerStore), refreshRegistry };
  }

  it('registers the trimmed worker once, then asks the registry again', () => {
    marbles(({ cold, expectObservable }) => {
      const registerWorker = jasmine.createSpy('registerWorker').and.returnValue(cold('10ms (a|)', { a: {} }));
      const { store, refreshRegistry } = storeWith(registerWorker);
      cold('5ms r').subscribe(() => {
        store.register(' kiwi ', ' 10.0.0.1:50052 ');
        store.register('kiwi', '10.0.0.1:50052');
      });

      expectObservable(store.state$).toBe('i 4ms s 9ms d', {
        i: { kind: 'idle' },
        s: { kind: 'sending' },
        d: { kind: 'registered', workerId: 'kiwi' },
      });
      expectObservable(store.registered$).toBe('15ms k', { k: 'kiwi' });
      cold('20ms x').subscribe(() => {
        expect(registerWorker).toHaveBeenCalledOnceWith('kiwi', '10.0.0.1:50052');
        expect(refreshRegistry).toHaveBeenCalledTimes(1);
      });
    });
  });

  it("says the master's refusal", () => {
    marbles(({ cold, expectObservable }) => {
      const refusal = new HttpErrorResponse({ status: 409, error: 'worker kiwi already exists' });
      const { store } = storeWith(() => cold('10ms #', undefined, refusal));
      store.register('kiwi', '10.0.0.1:50052');

      expectObservable(store.state$).toBe('s 9ms r', {
        s: { kind: 'sending' },
        r: { kind: 'refused', message: jasmine.stringContaining('worker kiwi already exists') as never },
      });
    });
  });
});
