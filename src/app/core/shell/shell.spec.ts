import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BehaviorSubject, of } from 'rxjs';
import { ConnectionStore } from '../connection/connection-store';
import { MasterConnection } from '../connection/master-connection';
import { ThemePreference, ThemeStore } from '../theme/theme-store';
import { Shell } from './shell';

describe('Shell', () => {
  async function render(connection: MasterConnection) {
    const choose = jasmine.createSpy('choose');
    const preference$ = new BehaviorSubject<ThemePreference>('system');
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideRouter([]),
        { provide: ConnectionStore, useValue: { connection$: of(connection) } },
        { provide: ThemeStore, useValue: { preference$, scheme$: of('light'), choose } },
      ],
    });
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, choose, fixture };
  }

  it('offers the four destinations in the main navigation', async () => {
    const { element } = await render({ state: 'connecting' });

    const links = Array.from(element.querySelectorAll('nav[aria-label="Main"] a')).map((link) => link.textContent?.trim());
    expect(links).toEqual(['space_dashboardDashboard', 'dnsWorkers', 'assignmentTasks', 'add_circleSubmit task']);
  });

  it('shows the connection state in the toolbar chip', async () => {
    const { element } = await render({ state: 'unreachable', lastContact: null, reason: 'HTTP 502' });

    expect(element.querySelector('app-connection-chip')?.textContent).toContain('Unreachable');
  });

  it('applies the colour scheme the user picks from the menu', async () => {
    const { element, choose, fixture } = await render({ state: 'connecting' });

    (element.querySelector('button[aria-label^="Colour scheme"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const dark = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]')).find((item) =>
      item.textContent?.includes('Dark'),
    );
    dark?.click();

    expect(choose).toHaveBeenCalledWith('dark');
  });
});
