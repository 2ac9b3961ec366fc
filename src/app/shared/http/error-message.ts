import { describeMasterFailure, toMasterFailure } from './master-failure';

/**
 * A sentence an operator can act on, from whatever a request failed with. The master answers
 * most errors in `text/plain` (contract §1.5), so the body text is the message; a request it
 * dropped, one it never answered and a master that cannot be reached are each said as such.
 */
export function toErrorMessage(error: unknown): string {
  return describeMasterFailure(toMasterFailure(error));
}
