import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { tap } from 'rxjs';
import { SessionSignals } from './session-signals';

/**
 * Sends the session cookie with every request, and reports a 401 from anything but the session
 * check itself, so a session that ended is noticed after an action too.
 */
export const sessionInterceptor: HttpInterceptorFn = (request, next) => {
  const signals = inject(SessionSignals);
  return next(request.clone({ withCredentials: true })).pipe(
    tap({
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 401 && !request.url.endsWith('/api/auth/me')) {
          signals.reportUnauthorized();
        }
      },
    }),
  );
};
