import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { aLiveWorker } from '../../../testing/builders';
import { DEFAULT_WORKER_QUERY } from '../data/worker-query';
import { selectWorkers } from '../data/worker-rows';
import { WorkersPageStore } from '../data/workers-page-store';
import { WorkersPageVm } from '../data/workers-page-vm';
import { WorkersPage } from './workers-page';

describe('WorkersPage', () => {
  const ready = (mode: 'table' | 'heatmap'): WorkersPageVm => {
    const selection = selectWorkers(
      [aLiveWorker({ id: 'kiwi' }), aLiveWorker({ id: 'lime', status: 'inactive' })],
      DEFAULT_WORKER_QUERY,
    );
    return {
      kind: 'ready',
      workers: selection.workers,
      selection,
      counts: { all: 2, active: 1, stale: 0, inactive: 1 },
      query: DEFAULT_WORKER_QUERY,
      preferences: { mode, metric: 'cpu' },
      now: 1_763_498_855_000,
      refreshError: null,
    };
  };

  async function render(vm: WorkersPageVm) {
    const store = jasmine.createSpyObj<WorkersPageStore>('WorkersPageStore', [
      'sortBy',
      'filterBy',
      'search',
      'showAs',
      'colourBy',
      'retry',
      'showRows',
    ]);
    TestBed.configureTestingModule({ imports: [WorkersPage], providers: [provideRouter([])] });
    TestBed.overrideComponent(WorkersPage, {
      set: { providers: [{ provide: WorkersPageStore, useValue: { ...store, vm$: of(vm) } }] },
    });
    const fixture = TestBed.createComponent(WorkersPage);
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, store };
  }

  it('lists the workers in a table with live counts per status', async () => {
    const { element } = await render(ready('table'));

    expect(element.querySelector('[role="table"][aria-label="Workers"]')?.getAttribute('aria-rowcount')).toBe('3');
    expect(element.textContent).toContain('All · 2');
    expect(element.textContent).toContain('Inactive · 1');
  });

  it('shows the heat map when chosen', async () => {
    const { element } = await render(ready('heatmap'));

    expect(element.querySelector('[role="list"][aria-label^="Workers coloured by"]')).not.toBeNull();
  });

  it('says why the workers could not be loaded, with a retry that asks the store', async () => {
    const { element, store } = await render({ kind: 'error', message: 'The master cannot be reached.' });

    expect(element.textContent).toContain('The master cannot be reached.');
    Array.from(element.querySelectorAll('button'))
      .find((button) => button.textContent?.includes('Retry'))
      ?.click();
    expect(store.retry).toHaveBeenCalled();
  });
});
