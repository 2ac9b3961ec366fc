import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BehaviorSubject, of } from 'rxjs';
import { AuthState } from '../auth/auth-state';
import { AuthStore } from '../auth/auth-store';
import { ConnectionState } from '../realtime/connection-state';
import { LiveConnection } from '../realtime/live-connection';
import { ThemePreference, ThemeStore } from '../theme/theme-store';
import { DEFAULT_DEPLOYMENT, Deployment } from '../config/deployment';
import { DEPLOYMENT } from '../config/deployment-token';
import { Shell } from './shell';

describe('Shell', () => {
  async function render(
    connection: ConnectionState,
    malformed = 0,
    auth: AuthState = { kind: 'no-auth' },
    deployment: Deployment = DEFAULT_DEPLOYMENT,
  ) {
    const choose = jasmine.createSpy('choose');
    const preference$ = new BehaviorSubject<ThemePreference>('system');
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideRouter([]),
        { provide: LiveConnection, useValue: { connection$: of(connection), malformedCount$: of(malformed) } },
        { provide: ThemeStore, useValue: { preference$, scheme$: of('light'), choose } },
        { provide: AuthStore, useValue: { state$: of(auth), signOut: jasmine.createSpy('signOut') } },
        { provide: DEPLOYMENT, useValue: deployment },
      ],
    });
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, choose, fixture };
  }

  it('offers the six destinations in the main navigation', async () => {
    const { element } = await render({ kind: 'connecting', lastMessageAt: null, checkedAt: 0, clockOffsetMs: 0 });

    const links = Array.from(element.querySelectorAll('nav[aria-label="Main"] a span:last-child')).map((label) =>
      label.textContent?.trim(),
    );
    expect(links).toEqual(['Dashboard', 'Workers', 'Tasks', 'Submit task', 'Settings', 'Help']);
  });

  it('names the cluster in the toolbar, and says when the master is the simulator', async () => {
    const connecting: ConnectionState = { kind: 'connecting', lastMessageAt: null, checkedAt: 0, clockOffsetMs: 0 };
    const real = await render(connecting, 0, { kind: 'no-auth' }, { ...DEFAULT_DEPLOYMENT, clusterName: 'prod-eu' });
    expect(real.element.querySelector('.shell-cluster')?.textContent?.trim()).toBe('prod-eu');
    expect(real.element.querySelector('.shell-toolbar')?.textContent).not.toContain('Simulated cluster');
    TestBed.resetTestingModule();

    const simulated = await render(connecting, 0, { kind: 'no-auth' }, { ...DEFAULT_DEPLOYMENT, simulated: true });
    expect(simulated.element.querySelector('.shell-cluster')).toBeNull();
    expect(simulated.element.querySelector('.shell-toolbar')?.textContent).toContain('Simulated cluster');
  });

  it('shows the connection state in the toolbar chip', async () => {
    const { element } = await render({
      kind: 'reconnecting',
      attempt: 2,
      retryAt: 3000,
      reason: 'closed',
      lastMessageAt: null,
      checkedAt: 0,
      clockOffsetMs: 0,
    });

    expect(element.querySelector('app-connection-chip')?.textContent).toContain('Reconnecting in 3 s');
  });

  it('offers a reload in the chip only when the page needs a version the server no longer has', async () => {
    const outdated = await render({ kind: 'outdated', lastMessageAt: null, checkedAt: 0, clockOffsetMs: 0 });
    expect(outdated.element.querySelector('app-connection-chip')?.textContent).toContain('Reload needed');
    expect(outdated.element.querySelector('app-connection-chip button')?.textContent?.trim()).toBe('Reload');
    TestBed.resetTestingModule();

    const live = await render({ kind: 'live', lastMessageAt: 0, checkedAt: 0, clockOffsetMs: 0 });
    expect(live.element.querySelector('app-connection-chip button')).toBeNull();
  });

  it('says the figures are frozen, and since when, while the master cannot be reached', async () => {
    const lastMessageAt = new Date(2026, 11, 1, 5, 4, 13).getTime();
    const { element } = await render({
      kind: 'reconnecting',
      attempt: 1,
      retryAt: lastMessageAt + 9000,
      reason: 'closed',
      lastMessageAt,
      checkedAt: lastMessageAt + 5000,
      clockOffsetMs: 0,
    });

    expect(element.querySelector('.shell-frozen')?.textContent).toContain('Figures frozen as they were at 05:04:13');
  });

  it('shows no chip and no live figures while nobody is known to be signed in', async () => {
    const live: ConnectionState = { kind: 'live', lastMessageAt: 0, checkedAt: 0, clockOffsetMs: 0 };
    const { element } = await render(live, 0, { kind: 'unreachable', message: 'The master cannot be reached.' });

    expect(element.querySelector('app-connection-chip')).toBeNull();
  });

  it('shows the explanation of the chip on a tap or Enter, not only on hover', async () => {
    const { element, fixture } = await render({ kind: 'live', lastMessageAt: 0, checkedAt: 0, clockOffsetMs: 0 });
    const chip = element.querySelector<HTMLElement>('app-connection-chip [role="status"]')!;

    chip.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await fixture.whenStable();

    expect(element.querySelector('app-connection-chip [role="note"]')?.textContent).toContain(
      'Worker telemetry streams live from the master',
    );
  });

  it('says in the chip how many malformed messages were ignored', async () => {
    const { element } = await render({ kind: 'live', lastMessageAt: 0, checkedAt: 0, clockOffsetMs: 0 }, 3);

    expect(element.querySelector('[role="status"]')?.getAttribute('aria-label')).toContain(
      '3 malformed messages were ignored.',
    );
  });

  it('steps the colour scheme from the system setting to light', async () => {
    const { element, choose } = await render({
      kind: 'connecting',
      lastMessageAt: null,
      checkedAt: 0,
      clockOffsetMs: 0,
    });

    (element.querySelector('button[aria-label^="Colour scheme"]') as HTMLButtonElement).click();

    expect(choose).toHaveBeenCalledWith('light');
  });

  it('labels a master without sign-in, and hides live data from a signed-out visitor', async () => {
    const live: ConnectionState = { kind: 'live', lastMessageAt: 0, checkedAt: 0, clockOffsetMs: 0 };
    const open = await render(live);
    expect(open.element.textContent).toContain('No sign-in');
    TestBed.resetTestingModule();

    const signedOut = await render(live, 0, { kind: 'signed-out' });
    expect(signedOut.element.querySelector('app-connection-chip')).toBeNull();
    expect(signedOut.element.querySelector('a[aria-label="Sign in"]')).not.toBeNull();
  });

  it('shows who is signed in, with name, email and visits', async () => {
    const user = { email: 'alice@example.com', name: 'Alice', visit_count: 4, created_at: '2025-11-18T20:30:01.123Z' };
    const { element, fixture } = await render(
      { kind: 'connecting', lastMessageAt: null, checkedAt: 0, clockOffsetMs: 0 },
      0,
      {
        kind: 'signed-in',
        user,
      },
    );

    (element.querySelector('button[aria-label="Account: Alice"]') as HTMLButtonElement).click();
    await fixture.whenStable();

    const panel = element.querySelector('[aria-label="Account"]')?.textContent ?? '';
    expect(panel).toContain('alice@example.com');
    expect(panel).toContain('Visit 4');
    expect(panel).toContain('Sign out');
  });
});
