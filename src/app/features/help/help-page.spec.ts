import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BehaviorSubject, of } from 'rxjs';
import { DEFAULT_DEPLOYMENT, Deployment } from '../../core/config/deployment';
import { DEPLOYMENT } from '../../core/config/deployment-token';
import { LiveConnection } from '../../core/realtime/live-connection';
import { ConnectionState } from '../../core/realtime/connection-state';
import { HelpPage } from './help-page';

describe('HelpPage', () => {
  async function render(deployment: Partial<Deployment>, state: ConnectionState) {
    const connection = new BehaviorSubject(state);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: DEPLOYMENT, useValue: { ...DEFAULT_DEPLOYMENT, ...deployment } },
        { provide: LiveConnection, useValue: { connection$: connection, malformedCount$: of(2) } },
      ],
    });
    const fixture = TestBed.createComponent(HelpPage);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, connection };
  }

  const live: ConnectionState = { kind: 'live', lastMessageAt: 1000, checkedAt: 1000, clockOffsetMs: 0 };

  it('says which dashboard, which master, and the timings it was configured with', async () => {
    const { element } = await render(
      { version: '1.4.0', masterAddress: 'https://master.internal:8443', clusterName: 'prod-eu', heartbeatMs: 2000 },
      live,
    );

    expect(element.querySelector('[data-testid="version"]')?.textContent).toBe('1.4.0');
    expect(element.querySelector('[data-testid="master"]')?.textContent?.trim()).toBe('https://master.internal:8443');
    expect(element.textContent).toContain('prod-eu');
    expect(element.textContent).toContain('expected every 2 s');
  });

  it('says when the master is the simulator', async () => {
    const { element } = await render({ simulated: true, masterAddress: 'http://127.0.0.1:8080' }, live);

    expect(element.querySelector('[data-testid="master"]')?.textContent).toContain('The built-in simulator');
  });

  it("follows the connection's state, and counts what was dropped as malformed", async () => {
    const { fixture, element, connection } = await render({}, live);
    expect(element.querySelector('[data-testid="connection-state"]')?.textContent).toContain('Live');
    expect(element.textContent).toContain('2 malformed messages were dropped.');

    connection.next({ ...live, kind: 'reconnecting', attempt: 1, retryAt: 5000, reason: 'closed' });
    await fixture.whenStable();

    expect(element.querySelector('[data-testid="connection-state"]')?.textContent).not.toContain('Live');
  });

  it("lists the shortcuts and links to the guide's sections", async () => {
    const { element } = await render({}, live);

    expect(element.querySelectorAll('[data-testid="shortcut"]').length).toBeGreaterThan(5);
    const links = Array.from(element.querySelectorAll<HTMLAnchorElement>('.sections a'));
    expect(links.find((link) => link.textContent === 'Performance')?.getAttribute('href')).toBe(
      '/help/guide#performance',
    );
  });
});
