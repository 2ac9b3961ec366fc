import { test as setup } from '@playwright/test';
import { signInCookie } from '../scripts/lib/session';
import { APP_URL } from './helpers/ports';

export const SIGNED_IN_STATE = 'e2e/.artifacts/signed-in.json';

/**
 * The shared master has sign-in, as every real master with a database does: the specs run as
 * one signed-in operator, whose session cookie this saves for them.
 */
setup('sign in as the test operator', async ({ context }) => {
  await context.addCookies([await signInCookie(APP_URL)]);
  await context.storageState({ path: SIGNED_IN_STATE });
});
