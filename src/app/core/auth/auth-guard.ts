import { inject } from '@angular/core';
import { CanActivateChildFn, Router } from '@angular/router';
import { filter, map, take } from 'rxjs';
import { mayUseDashboard } from './auth-state';
import { AuthStore } from './auth-store';

/** Data pages need a session (or a master without sign-in); otherwise sign in first and come back. */
export const authGuard: CanActivateChildFn = (_route, state) => {
  const router = inject(Router);
  return inject(AuthStore).state$.pipe(
    filter((auth) => auth.status !== 'checking'),
    take(1),
    map((auth) =>
      mayUseDashboard(auth) ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } }),
    ),
  );
};
