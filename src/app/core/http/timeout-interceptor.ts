import { HttpInterceptorFn } from '@angular/common/http';
import { CANCEL_TIMEOUT_MS, REQUEST_TIMEOUT_MS, failAfter } from './request-timeouts';

/** Gives every request to the master a time limit (see {@link REQUEST_TIMEOUT_MS}), longer for a cancel. */
export const timeoutInterceptor: HttpInterceptorFn = (request, next) => {
  const limitMs =
    request.method === 'DELETE' && request.url.includes('/api/tasks/') ? CANCEL_TIMEOUT_MS : REQUEST_TIMEOUT_MS;
  return next(request).pipe(failAfter(limitMs));
};
