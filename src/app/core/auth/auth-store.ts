import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import {
  EMPTY,
  Observable,
  catchError,
  defer,
  distinctUntilChanged,
  filter,
  finalize,
  interval,
  map,
  merge,
  of,
  pairwise,
  skip,
  switchMap,
  withLatestFrom,
} from 'rxjs';
import { AuthClient } from '../../shared/cloudai/auth-client';
import { AuthResponse } from '../../shared/cloudai/auth.model';
import { toErrorMessage } from '../../shared/http/error-message';
import { POLLING_CONFIG } from '../config/polling-config';
import { PAGE_VISIBLE } from '../realtime/browser-signals';
import { LiveConnection } from '../realtime/live-connection';
import { injectPersistedValue } from '../../shared/state/persisted-value';
import { injectReducerStore } from '../../shared/state/reducer-store';
import { AuthEvent, AuthState, START_OF_SESSION, SessionState, mayUseDashboard, reduceSession } from './auth-state';
import { SessionSignals } from './session-signals';
import { USER_DATA_OWNER_KEY, clearUserData } from './user-data';
import { SessionBroadcast } from './session-broadcast';

/** How often an unknown session is asked about again while the master cannot be reached. */
const UNREACHABLE_RECHECK_MS = 5000;

/**
 * The session: asked of the master at start, again every minute while signed in, whenever the
 * tab is shown and after any 401. Live data flows only to someone allowed to see it.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly client = inject(AuthClient);
  private readonly checkMs = inject(POLLING_CONFIG).sessionCheckMs;
  private readonly visible$ = inject(PAGE_VISIBLE);
  private readonly unauthorized$ = inject(SessionSignals).unauthorized$;
  private readonly broadcast = inject(SessionBroadcast);
  private readonly liveConnection = inject(LiveConnection);
  private readonly document = inject(DOCUMENT);
  /** Whose data this browser holds: the email of the last user who signed in. */
  private readonly dataOwner = injectPersistedValue<string | null>({
    key: USER_DATA_OWNER_KEY,
    version: 1,
    fallback: null,
    parse: (stored) => (typeof stored === 'string' && stored !== '' ? stored : null),
  });
  private readonly session = injectReducerStore<SessionState, AuthEvent>({
    initial: START_OF_SESSION,
    reduce: reduceSession,
    sources: (session$) => this.checks(session$),
  });

  /** Hot; replays the current state; never completes. */
  readonly state$: Observable<AuthState> = this.session.state$.pipe(
    map((session) => session.auth),
    distinctUntilChanged(),
  );

  /** The signed-in user's email, `null` while nobody is (or the master has no sign-in). Hot; replays; never completes. */
  readonly signedInAs$: Observable<string | null> = this.state$.pipe(
    map((auth) => (auth.kind === 'signed-in' ? auth.user.email : null)),
    distinctUntilChanged(),
  );

  constructor() {
    this.streamTelemetryOnlyWhenAllowed();
  }

  /** Signs in; emits `null` on success or the master's message, then completes. */
  signIn(email: string, password: string): Observable<string | null> {
    return this.client.login(email, password).pipe(
      map((response) => this.signedIn(response)),
      catchError((error: unknown) => of(toErrorMessage(error))),
    );
  }

  /** Creates the account, then signs in (the master sets no cookie on registration). */
  register(name: string, email: string, password: string): Observable<string | null> {
    return this.client.register(name, email, password).pipe(
      switchMap((response) =>
        response.success ? this.signIn(email, password) : of(response.message || 'The account could not be created.'),
      ),
      catchError((error: unknown) => of(toErrorMessage(error))),
    );
  }

  /**
   * Ends the session and leaves nothing of it behind: sockets closed, this user's stored data
   * removed, and the app reloaded on the sign-in page so no cached data survives in memory.
   */
  signOut(): void {
    this.client
      .logout()
      .pipe(catchError(() => of(null)))
      .subscribe(() => {
        this.session.dispatch({ kind: 'signed-out' });
        this.broadcast.announce();
        this.liveConnection.disconnect();
        const view = this.document.defaultView;
        clearUserData(view?.localStorage, view?.sessionStorage);
        this.document.location.assign('/login');
      });
  }

  private signedIn(response: AuthResponse): string | null {
    if (!response.success || !response.user) return response.message || 'Sign-in failed.';
    if (this.holdsAnotherUsersData(response.user.email)) return null;
    // Login reports the new visit count beside the user; take the larger of the two.
    const visits = Math.max(response.user.visit_count, response.visit_count ?? 0);
    this.session.dispatch({ kind: 'signed-in', user: { ...response.user, visit_count: visits } });
    this.broadcast.announce();
    return null;
  }

  /**
   * Stored drafts and watched tasks belong to whoever signed in last. When someone else signs in
   * (say over another user's ended session), that data is removed and the app starts afresh.
   */
  private holdsAnotherUsersData(email: string): boolean {
    const view = this.document.defaultView;
    const owner = this.dataOwner.value;
    if (owner && owner !== email) {
      clearUserData(view?.localStorage, view?.sessionStorage);
      this.dataOwner.set(email);
      this.document.location.reload();
      return true;
    }
    this.dataOwner.set(email);
    return false;
  }

  private checks(session$: Observable<SessionState>): Observable<AuthEvent> {
    // While signed in, every minute; while the master cannot be reached and nobody is known, often,
    // so the waiting operator is let in (or asked to sign in) as soon as it answers.
    const periodic$ = session$.pipe(
      map(({ auth }) =>
        auth.kind === 'signed-in' ? this.checkMs : auth.kind === 'unreachable' ? UNREACHABLE_RECHECK_MS : 0,
      ),
      distinctUntilChanged(),
      switchMap((periodMs) => (periodMs > 0 ? interval(periodMs) : EMPTY)),
    );
    const shownAgain$ = this.visible$.pipe(
      skip(1),
      filter((visible) => visible),
    );
    // Only while live data may flow: before that the socket is closed and cannot say the master is back
    // (and asking about it would open the socket before anyone is known to be allowed to see it).
    const masterBack$ = session$.pipe(
      map(({ auth }) => mayUseDashboard(auth)),
      distinctUntilChanged(),
      switchMap((allowed) => (allowed ? this.masterBack$() : EMPTY)),
    );
    const check = ([, { generation }]: [unknown, SessionState]) =>
      this.client.me().pipe(
        map((answer): AuthEvent => ({ kind: 'checked', answer, generation })),
        catchError((error: unknown) => of<AuthEvent>({ kind: 'check-failed', error, generation })),
      );
    // Another tab signed in or out, or a request was refused: the session has most likely just
    // changed, and a check already under way may have been sent before that, so this one replaces it.
    const urgent$ = merge(this.unauthorized$, this.broadcast.changedElsewhere$).pipe(map(() => true));
    const routine$ = merge(of(null), periodic$, shownAgain$, masterBack$).pipe(map(() => false));
    return defer(() => {
      let checking = false;
      return merge(routine$, urgent$).pipe(
        // A routine check waits for one under way; an urgent one replaces it, so its answer is the last word.
        filter((urgent) => urgent || !checking),
        withLatestFrom(session$),
        switchMap((trigger) => {
          checking = true;
          return check(trigger).pipe(finalize(() => (checking = false)));
        }),
      );
    });
  }

  /**
   * The master answers again after being unreachable: whatever it now says about the session
   * matters at once (a page opened during the outage may belong to nobody).
   */
  private masterBack$(): Observable<unknown> {
    return this.liveConnection.connection$.pipe(
      map((connection) => connection.kind),
      distinctUntilChanged(),
      pairwise(),
      filter(
        ([before, now]) =>
          (before === 'reconnecting' || before === 'offline') && (now === 'live' || now === 'degraded'),
      ),
    );
  }

  /** No telemetry while nobody is known to be allowed to see it (before the first answer, signed out, unknown). */
  private streamTelemetryOnlyWhenAllowed(): void {
    this.state$
      .pipe(map(mayUseDashboard), distinctUntilChanged())
      .subscribe((allowed) => (allowed ? this.liveConnection.connect() : this.liveConnection.disconnect()));
  }
}
