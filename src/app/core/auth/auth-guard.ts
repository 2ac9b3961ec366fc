import { inject } from '@angular/core';
import { CanActivateChildFn, Router } from '@angular/router';
import { filter, map, take } from 'rxjs';
import { mayUseDashboard } from './auth-state';
import { AuthStore } from './auth-store';

/**
 * Data pages need a session (or a master without sign-in); otherwise sign in first and come back.
 * A session the master could not confirm (it is unreachable) is not a session: wait for its answer
 * on the waiting page, which comes back here once it has one.
 */
export const authGuard: CanActivateChildFn = (_route, state) => {
  const router = inject(Router);
  return inject(AuthStore).state$.pipe(
    filter((auth) => auth.kind !== 'checking'),
    take(1),
    map((auth) => {
      if (mayUseDashboard(auth)) return true;
      const page = auth.kind === 'unreachable' ? '/waiting' : '/login';
      return router.createUrlTree([page], { queryParams: { returnUrl: state.url } });
    }),
  );
};
