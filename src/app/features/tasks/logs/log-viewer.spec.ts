import { ComponentFixture, TestBed } from '@angular/core/testing';
import { LogViewer } from './log-viewer';

describe('LogViewer', () => {
  let fixture: ComponentFixture<LogViewer>;
  let element: HTMLElement;

  async function render(lines: string[]) {
    TestBed.configureTestingModule({ imports: [LogViewer] });
    fixture = TestBed.createComponent(LogViewer);
    fixture.componentRef.setInput('lines', lines);
    fixture.componentRef.setInput('taskId', 'task-1');
    element = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await fixture.whenStable();
    // The virtual viewport measures itself in an animation frame before it renders rows.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const rows = () => Array.from(element.querySelectorAll('app-log-row')).map((row) => row.textContent ?? '');
  const search = async (term: string) => {
    const input = element.querySelector('input[type="search"]') as HTMLInputElement;
    input.value = term;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
  };

  it('renders ANSI colours as styled text and markup as text', async () => {
    await render(['\u001b[31m<b>red</b>\u001b[0m plain']);

    const coloured = element.querySelector('app-log-row .ansi-red');
    expect(coloured?.textContent).toBe('<b>red</b>');
    expect(element.querySelector('app-log-row b')).toBeNull();
  });

  it('counts matches and steps through them', async () => {
    await render(['error one', 'fine', 'error two']);

    await search('ERROR');
    expect(element.querySelector('.count')?.textContent?.trim()).toBe('1 / 2');
    (element.querySelector('button[aria-label="Next match"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(element.querySelector('.count')?.textContent?.trim()).toBe('2 / 2');
    expect(element.querySelectorAll('.match').length).toBe(2);

    await search('nothing like it');
    expect(element.querySelector('.count')?.textContent?.trim()).toBe('No matches');
  });

  it('downloads the log as plain text', async () => {
    await render(['\u001b[32mok\u001b[0m', 'second']);
    const created = spyOn(URL, 'createObjectURL').and.returnValue('blob:log');
    const clicks = spyOn(HTMLAnchorElement.prototype, 'click');

    (
      Array.from(element.querySelectorAll('button')).find((b) =>
        b.textContent?.includes('Download'),
      ) as HTMLButtonElement
    ).click();

    const blob = created.calls.mostRecent().args[0] as Blob;
    expect(await blob.text()).toBe('ok\nsecond\n');
    expect(clicks).toHaveBeenCalled();
  });

  it('shows the lines it is given', async () => {
    await render(['first', 'second']);

    expect(rows().map((row) => row.trim())).toEqual(['1first', '2second']);
  });
});
