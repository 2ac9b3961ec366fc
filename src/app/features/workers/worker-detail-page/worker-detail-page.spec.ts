import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { aLiveWorker } from '../../../testing/builders';
import { WorkerDetailStore } from '../data/worker-detail-store';
import { WorkerDetailVm } from '../data/worker-detail-vm';
import { WorkerDetailPage } from './worker-detail-page';

describe('WorkerDetailPage', () => {
  async function render(vm: WorkerDetailVm, id = 'kiwi'): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [WorkerDetailPage],
      providers: [provideRouter([])],
    });
    TestBed.overrideComponent(WorkerDetailPage, {
      set: { providers: [{ provide: WorkerDetailStore, useValue: { vm$: of(vm) } }] },
    });
    const fixture = TestBed.createComponent(WorkerDetailPage);
    fixture.componentRef.setInput('id', id);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the worker, its usage, capacity and what runs on it', async () => {
    const worker = aLiveWorker({
      id: 'kiwi',
      cpuUsage: 41.7,
      runningTaskCount: 1,
      runningTasks: [{ task_id: 'task-7', cpu_allocated: 2, memory_allocated: 4, gpu_allocated: 0, status: 'running' }],
    });
    const page = await render({
      kind: 'ready',
      worker,
      now: worker.lastHeartbeat!,
      assignments: [],
      assignmentsError: null,
    });

    expect(page.querySelector('h1')?.textContent).toContain('kiwi');
    expect(page.textContent).toContain('CPU 41.7 %');
    expect(page.querySelector('[role="meter"]')).not.toBeNull();
    expect(page.querySelector('a[href="/tasks/task-7"]')).not.toBeNull();
  });

  it('says the capacities are unknown when the master reports none', async () => {
    const worker = aLiveWorker({ capacity: null, allocated: null, available: null });
    const page = await render({ kind: 'ready', worker, now: 0, assignments: null, assignmentsError: null });

    expect(page.textContent).toContain('the master reports no capacities for this worker');
  });

  it('says when the master knows no such worker, and links to all workers', async () => {
    const page = await render({ kind: 'not-found', id: 'ghost' });

    expect(page.textContent).toContain('No worker “ghost”');
    const links = Array.from(page.querySelectorAll('a[href="/workers"]')).map((link) => link.textContent?.trim());
    expect(links).toContain('See all workers');
  });

  it('shows a skeleton while loading and the reason when loading failed', async () => {
    expect((await render({ kind: 'loading' })).querySelector('[aria-busy="true"]')).not.toBeNull();
    TestBed.resetTestingModule();
    expect((await render({ kind: 'error', message: 'The master cannot be reached.' })).textContent).toContain(
      'The master cannot be reached.',
    );
  });
});
