/**
 * Browser storage keys that hold one user's data (drafts, watched tasks) start with this, so
 * signing out can remove them all without knowing each feature.
 */
export const USER_DATA_PREFIX = 'cloudai.user.';

/** Whose data the browser holds: the email of the last user who signed in. */
export const USER_DATA_OWNER_KEY = `${USER_DATA_PREFIX}owner`;

export function clearUserData(...storages: (Storage | undefined)[]): void {
  for (const storage of storages) {
    if (!storage) continue;
    const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter(
      (key): key is string => key?.startsWith(USER_DATA_PREFIX) ?? false,
    );
    keys.forEach((key) => storage.removeItem(key));
  }
}

/** Only paths inside the dashboard, and never back to the sign-in pages. */
export function safeReturnUrl(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/dashboard';
  return /^\/(login|register|waiting)(\?|$)/.test(raw) ? '/dashboard' : raw;
}
