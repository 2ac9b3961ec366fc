import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { aLiveWorker } from '../../../testing/builders';
import { WorkerHeatMap } from './worker-heat-map';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class WorkerPageStub {}

describe('WorkerHeatMap', () => {
  const workers = [
    aLiveWorker({ id: 'kiwi', cpuUsage: 40, runningTaskCount: 1 }),
    aLiveWorker({ id: 'lime', cpuUsage: 90, runningTaskCount: 3 }),
    aLiveWorker({ id: 'plum', cpuUsage: 5 }),
  ];

  async function render(shown: readonly LiveWorker[] = workers) {
    TestBed.configureTestingModule({
      imports: [WorkerHeatMap],
      providers: [provideRouter([{ path: 'workers/:id', component: WorkerPageStub }])],
    });
    const fixture = TestBed.createComponent(WorkerHeatMap);
    fixture.componentRef.setInput('workers', shown);
    fixture.componentRef.setInput('metric', 'cpu');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const cell = (id: string) => element.querySelector<HTMLElement>(`[data-worker-id="${id}"]`)!;
    const readout = () =>
      element.querySelector('[data-testid="heat-map-readout"]')?.textContent?.replace(/\s+/g, ' ').trim();
    return { fixture, element, cell, readout };
  }

  it('is one tab stop, and shows the figures of the focused cell', async () => {
    const { fixture, element, cell, readout } = await render();

    expect(
      Array.from(element.querySelectorAll('[tabindex="0"]')).map((node) => node.getAttribute('data-worker-id')),
    ).toEqual(['kiwi']);
    expect(readout()).toContain('Point at, focus or tap a cell');

    cell('lime').focus();
    await fixture.whenStable();

    expect(readout()).toContain('lime · Active · CPU 90 %');
    expect(readout()).toContain('3 tasks');
    expect(cell('lime').getAttribute('tabindex')).toBe('0');
    expect(cell('kiwi').getAttribute('tabindex')).toBe('-1');
  });

  it('moves the focus with the arrow keys, Home and End', async () => {
    const { fixture, cell, readout } = await render();
    const press = async (key: string) => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await fixture.whenStable();
    };
    cell('kiwi').focus();

    await press('ArrowRight');
    expect(document.activeElement).toBe(cell('lime'));
    await press('End');
    expect(document.activeElement).toBe(cell('plum'));
    expect(readout()).toContain('plum ·');
    await press('ArrowRight');
    expect(document.activeElement).toBe(cell('plum'));
    await press('Home');
    expect(document.activeElement).toBe(cell('kiwi'));
  });

  it('keeps the figures of the inspected cell live', async () => {
    const { fixture, cell, readout } = await render();
    cell('kiwi').focus();
    await fixture.whenStable();

    fixture.componentRef.setInput('workers', [aLiveWorker({ id: 'kiwi', cpuUsage: 77 }), ...workers.slice(1)]);
    await fixture.whenStable();

    expect(readout()).toContain('kiwi · Active · CPU 77 %');
  });

  it('on a touch screen shows a cell on the first tap and opens it on the second', async () => {
    const { fixture, cell, readout } = await render();
    const router = TestBed.inject(Router);
    const tap = async (id: string) => {
      cell(id).dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true }));
      cell(id).click();
      await fixture.whenStable();
    };

    await tap('lime');
    expect(router.url).toBe('/');
    expect(readout()).toContain('lime · Active');
    expect(readout()).toContain('tap again to open');

    await tap('lime');
    expect(router.url).toBe('/workers/lime');
  });

  it('opens a cell on the first click of a mouse', async () => {
    const { fixture, cell } = await render();
    cell('plum').dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', bubbles: true }));
    cell('plum').click();
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/workers/plum');
  });
});
