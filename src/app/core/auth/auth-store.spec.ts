import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { NEVER, Observable, of } from 'rxjs';
import { ConnectionState } from '../realtime/connection-state';
import { AuthClient } from '../../shared/cloudai/auth-client';
import { AuthResponse, AuthUser } from '../../shared/cloudai/auth.model';
import { SessionAnswer } from '../../shared/cloudai/session-answer';
import { marbles } from '../../testing/marbles';
import { POLLING_CONFIG } from '../config/polling-config';
import { PAGE_VISIBLE } from '../realtime/browser-signals';
import { LiveConnection } from '../realtime/live-connection';
import { AuthStore } from './auth-store';
import { SessionBroadcast } from './session-broadcast';

describe('AuthStore', () => {
  const alice: AuthUser = {
    email: 'a@example.com',
    name: 'Alice',
    visit_count: 1,
    created_at: '2025-11-18T20:30:01.123Z',
  };
  const signedIn: SessionAnswer = { kind: 'signed-in', user: alice };
  const signedOut: SessionAnswer = { kind: 'signed-out' };

  // Whose data the browser holds decides whether a sign-in starts afresh (with a reload).
  beforeEach(() => localStorage.removeItem('cloudai.user.owner'));
  afterEach(() => localStorage.removeItem('cloudai.user.owner'));

  function storeWith(
    client: Partial<Record<keyof AuthClient, () => Observable<AuthResponse | SessionAnswer>>>,
    connection$: Observable<Pick<ConnectionState, 'kind'>> = NEVER,
    changedElsewhere$: Observable<void> = NEVER,
  ) {
    const telemetry = jasmine.createSpyObj<LiveConnection>('LiveConnection', ['connect', 'disconnect'], {
      connection$: connection$ as Observable<ConnectionState>,
    });
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthClient, useValue: client },
        { provide: LiveConnection, useValue: telemetry },
        { provide: SessionBroadcast, useValue: { changedElsewhere$, announce: () => undefined } },
        { provide: PAGE_VISIBLE, useValue: of(true) },
        {
          provide: POLLING_CONFIG,
          useValue: { tasksMs: 100, maxBackoffMs: 400, cancelSettleMs: 1000, sessionCheckMs: 100 },
        },
      ],
    });
    return { store: TestBed.inject(AuthStore), telemetry };
  }

  it('checks at start, checks again while signed in, and reopens sign-in when the session ends', () => {
    marbles(({ cold, expectObservable }) => {
      let calls = 0;
      const { store } = storeWith({
        me: () => (calls++ < 2 ? cold('10ms (m|)', { m: signedIn }) : cold('10ms (m|)', { m: signedOut })),
      });

      expectObservable(store.state$, '400ms !').toBe('c 9ms s 209ms e', {
        c: { kind: 'checking' },
        s: { kind: 'signed-in', user: alice },
        e: { kind: 'expired', user: alice },
      });
    });
  });

  it('asks again every few seconds while the master cannot be reached and nobody is known', () => {
    marbles(({ cold, expectObservable }) => {
      let calls = 0;
      const down = new HttpErrorResponse({ status: 0 });
      const { store } = storeWith({
        me: () =>
          calls++ === 0 ? cold<SessionAnswer>('10ms #', undefined, down) : cold('10ms (m|)', { m: signedOut }),
      });

      expectObservable(store.state$, '6000ms !').toBe('c 9ms u 5009ms s', {
        c: { kind: 'checking' },
        u: jasmine.objectContaining({ kind: 'unreachable' }) as never,
        s: { kind: 'signed-out' },
      });
    });
  });

  it('asks again as soon as the master answers after an outage, and reopens sign-in when the session ended', () => {
    marbles(({ cold, hot, expectObservable }) => {
      let calls = 0;
      const { store } = storeWith(
        {
          me: () => (calls++ === 0 ? cold('10ms (m|)', { m: signedIn }) : cold('10ms (m|)', { m: signedOut })),
        },
        hot('l 29ms r 49ms l', { r: { kind: 'reconnecting' }, l: { kind: 'live' } }),
      );

      expectObservable(store.state$, '95ms !').toBe('c 9ms s 79ms e', {
        c: { kind: 'checking' },
        s: { kind: 'signed-in', user: alice },
        e: { kind: 'expired', user: alice },
      });
    });
  });

  it('asks again at once when another tab signed in or out', () => {
    marbles(({ cold, hot, expectObservable }) => {
      let calls = 0;
      const { store } = storeWith(
        { me: () => (calls++ === 0 ? cold('10ms (m|)', { m: signedIn }) : cold('10ms (m|)', { m: signedOut })) },
        NEVER,
        hot<void>('40ms x'),
      );

      expectObservable(store.state$, '95ms !').toBe('c 9ms s 39ms e', {
        c: { kind: 'checking' },
        s: { kind: 'signed-in', user: alice },
        e: { kind: 'expired', user: alice },
      });
    });
  });

  it('lets a check for a sign-out in another tab replace a routine check under way, whose answer may be stale', () => {
    marbles(({ cold, hot, expectObservable }) => {
      const answers = [
        cold('10ms (m|)', { m: signedIn }),
        // The routine check at 110 ms was sent before the other tab signed out, and is slow.
        cold('50ms (m|)', { m: signedIn }),
        cold('10ms (m|)', { m: signedOut }),
      ];
      let calls = 0;
      const { store } = storeWith({ me: () => answers[calls++] }, NEVER, hot<void>('120ms x'));

      expectObservable(store.state$, '200ms !').toBe('c 9ms s 119ms e', {
        c: { kind: 'checking' },
        s: { kind: 'signed-in', user: alice },
        e: { kind: 'expired', user: alice },
      });
    });
  });

  it('streams telemetry only once someone may see it', () => {
    marbles(({ cold, flush }) => {
      let calls = 0;
      // Signed in, then ended at the next check, so the periodic checks stop and the run ends.
      const { telemetry } = storeWith({ me: () => cold('10ms (m|)', { m: calls++ === 0 ? signedIn : signedOut }) });
      TestBed.inject(AuthStore).state$.subscribe();
      expect(telemetry.connect).not.toHaveBeenCalled();

      flush();

      expect(telemetry.connect).toHaveBeenCalledTimes(1);
    });
  });

  it('does not look at the live connection before someone may see it, which would open the socket', () => {
    marbles(({ cold, hot, expectSubscriptions }) => {
      let calls = 0;
      const connection$ = hot<Pick<ConnectionState, 'kind'>>('-');
      storeWith({ me: () => cold('10ms (m|)', { m: calls++ === 0 ? signedIn : signedOut }) }, connection$);

      expectSubscriptions(connection$.subscriptions).toBe('10ms ^');
    });
  });

  it('streams no telemetry to nobody', () => {
    const { telemetry } = storeWith({ me: () => of(signedOut) });

    expect(telemetry.connect).not.toHaveBeenCalled();
    expect(telemetry.disconnect).toHaveBeenCalled();
  });

  it('signs in right after registering, since the master sets no cookie on registration', () => {
    const login = jasmine
      .createSpy('login')
      .and.returnValue(of({ success: true, message: 'Login successful', user: alice, visit_count: 1 }));
    const { store } = storeWith({
      me: () => of(signedOut),
      register: () => of({ success: true, message: 'Registration successful', user: { ...alice, visit_count: 0 } }),
      login,
    });
    let result: string | null | undefined;

    store.register('Alice', 'a@example.com', 'secret1').subscribe((outcome) => (result = outcome));

    expect(result).toBeNull();
    expect(login).toHaveBeenCalledTimes(1);
  });

  it("gives back the master's message when sign-in is refused", () => {
    const { store } = storeWith({
      me: () => of(signedOut),
      login: () => of({ success: false, message: 'Invalid email or password' }),
    });
    let result: string | null | undefined;

    store.signIn('a@example.com', 'wrong').subscribe((outcome) => (result = outcome));

    expect(result).toBe('Invalid email or password');
  });

  it('ignores a session check sent before a sign-in, so the new session is not called ended', () => {
    marbles(({ cold, expectObservable }) => {
      const { store } = storeWith({
        me: () => cold('50ms (m|)', { m: signedOut }),
        login: () => cold('10ms (l|)', { l: { success: true, message: 'Login successful', user: alice } }),
      });
      cold('20ms x').subscribe(() => store.signIn('a@example.com', 'secret1').subscribe());

      expectObservable(store.state$, '100ms !').toBe('c 29ms s', {
        c: { kind: 'checking' },
        s: { kind: 'signed-in', user: alice },
      });
    });
  });
});
