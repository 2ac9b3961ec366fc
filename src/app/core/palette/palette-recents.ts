import { Injectable } from '@angular/core';
import { injectPersistedValue } from '../../shared/state/persisted-value';
import { USER_DATA_PREFIX } from '../auth/user-data';

/** Recent entries kept: a screenful. */
const KEPT = 8;

/**
 * The palette entries this operator chose last, newest first, remembered in this browser. Task
 * and worker ids are the operator's own work, so they are user data: signing out forgets them.
 */
@Injectable({ providedIn: 'root' })
export class PaletteRecents {
  private readonly recent = injectPersistedValue<readonly string[]>({
    key: `${USER_DATA_PREFIX}palette-recent`,
    version: 1,
    fallback: [],
    parse: (stored) =>
      Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string').slice(0, KEPT) : [],
  });

  get keys(): readonly string[] {
    return this.recent.value;
  }

  remember(key: string): void {
    this.recent.update((keys) => [key, ...keys.filter((kept) => kept !== key)].slice(0, KEPT));
  }
}
