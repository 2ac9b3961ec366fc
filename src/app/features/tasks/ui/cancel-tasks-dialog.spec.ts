import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { BehaviorSubject } from 'rxjs';
import { aTask } from '../../../testing/builders';
import { CancelProgress, CancelTasksDialog, CancelTasksDialogData } from './cancel-tasks-dialog';

describe('CancelTasksDialog', () => {
  const running = aTask({ task_id: 'task-run', status: 'running' });
  const pending = aTask({ task_id: 'task-wait', status: 'pending' });

  function render(data: Partial<CancelTasksDialogData>) {
    const progress$ = new BehaviorSubject<ReadonlyMap<string, CancelProgress>>(new Map());
    const cancel = jasmine.createSpy('cancel');
    const close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [CancelTasksDialog],
      providers: [
        {
          provide: MAT_DIALOG_DATA,
          useValue: { tasks: [running, pending], summarise: true, progress$, cancel, ...data },
        },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(CancelTasksDialog);
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement, cancel, close, progress$ };
  }

  it('lists the tasks it will stop and why the others cannot be, and sends only the eligible ones', () => {
    const { element, cancel } = render({});

    expect(element.textContent).toContain('task-run');
    expect(element.textContent).toContain('A pending task cannot be cancelled');
    (element.querySelector('button.danger-button') as HTMLButtonElement).click();

    expect(cancel).toHaveBeenCalledOnceWith([running]);
  });

  it('then shows each result as it arrives', async () => {
    const { fixture, element, progress$ } = render({});
    (element.querySelector('button.danger-button') as HTMLButtonElement).click();
    progress$.next(new Map([['task-run', { kind: 'cancelling' }]]));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(element.textContent).toContain('1 waiting for the master');

    progress$.next(
      new Map([['task-run', { taskId: 'task-run', kind: 'rolled-back', message: 'Cancelling task-run failed: boom' }]]),
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(element.textContent).toContain('0 of 1 tasks cancelled, 1 not.');
    expect(element.textContent).toContain('Cancelling task-run failed: boom');
  });

  it('closes at once for a single task: the row shows the progress', () => {
    const { element, close } = render({ tasks: [running], summarise: false });
    (element.querySelector('button.danger-button') as HTMLButtonElement).click();

    expect(close).toHaveBeenCalledWith(true);
  });
});
