import { TestBed } from '@angular/core/testing';
import { LogView, STREAM_GATED } from './log-view';
import { TaskLogsPanel } from './task-logs-panel';

describe('TaskLogsPanel', () => {
  async function render(logs: LogView, assignedAt: number | null, nowS = 1000) {
    TestBed.configureTestingModule({ imports: [TaskLogsPanel] });
    const fixture = TestBed.createComponent(TaskLogsPanel);
    fixture.componentRef.setInput('logs', logs);
    fixture.componentRef.setInput('taskId', 't1');
    fixture.componentRef.setInput('reportedStatus', 'running');
    fixture.componentRef.setInput('assignedAt', assignedAt);
    fixture.componentRef.setInput('now', nowS * 1000);
    const opened = jasmine.createSpy('openLiveLogs');
    fixture.componentInstance.openLiveLogs.subscribe(opened);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = () => element.querySelector<HTMLButtonElement>('.gate button')!;
    return { element, opened, button };
  }

  it('offers the live stream as safe once the task has been assigned for two minutes', async () => {
    const { element, button, opened } = await render(STREAM_GATED, 1000 - 180);

    expect(button().textContent).toContain('Open live logs');
    expect(element.textContent).toContain('almost certainly started');
    button().click();
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('warns before opening the stream of a task assigned moments ago, or at an unknown time', async () => {
    const recent = await render(STREAM_GATED, 1000 - 20);
    expect(recent.button().textContent).toContain('Open anyway');
    expect(recent.element.textContent).toContain('assigned only 20 s ago');
    expect(recent.element.textContent).toContain('not_found');

    TestBed.resetTestingModule();
    const unknown = await render(STREAM_GATED, null);
    expect(unknown.element.textContent).toContain('cannot tell how long ago this task started');
  });
});
