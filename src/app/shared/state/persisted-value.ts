import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { EMPTY, Observable, Subject, distinctUntilChanged, filter, fromEvent, map, merge, startWith } from 'rxjs';
import { sameJson } from './same-json';

export interface PersistedValueSpec<T> {
  /** The storage key. Keys that start with the user-data prefix are removed on sign-out. */
  readonly key: string;
  /** Bumped when the stored shape changes: a value stored under another version reads as `fallback`. */
  readonly version: number;
  /**
   * Reads what is stored: the JSON value (or, for a value stored before versions were recorded, the
   * JSON or plain text found). Throwing, or anything it cannot read, gives `fallback`.
   */
  readonly parse: (stored: unknown) => T;
  readonly fallback: T;
  /** What to store, when `T` is not plain JSON (a Map, say); `parse` reads it back. */
  readonly serialize?: (value: T) => unknown;
  /** `session` keeps it in this tab only. */
  readonly area?: 'local' | 'session';
}

interface Envelope {
  readonly version: number;
  readonly value: unknown;
}

/**
 * One value kept in the browser's storage, and the only code that reads or writes storage. The
 * storage is the state: `value` reads it, `set` writes it, and `value$` follows both this tab's
 * writes and other tabs' (through `storage` events). Without storage (or when it refuses a write)
 * the value lives in memory for this page.
 */
export class PersistedValue<T> {
  private readonly writes = new Subject<T>();
  private memory: T | undefined;

  /** Hot for this tab's writes, other tabs' writes while subscribed; starts with the current value; never completes. */
  readonly value$: Observable<T>;

  /** Only the changes other tabs make. Hot while subscribed; no replay; never completes. */
  readonly changedElsewhere$: Observable<T>;

  constructor(
    private readonly spec: PersistedValueSpec<T>,
    private readonly storage: Storage | undefined,
    storageEvents$: Observable<StorageEvent>,
  ) {
    this.changedElsewhere$ = storageEvents$.pipe(
      filter((event) => event.key === spec.key || event.key === null),
      filter((event) => !event.storageArea || event.storageArea === storage),
      map(() => this.value),
    );
    this.value$ = new Observable<T>((subscriber) =>
      merge(this.writes, this.changedElsewhere$)
        .pipe(startWith(this.value), distinctUntilChanged(sameJson))
        .subscribe(subscriber),
    );
  }

  get value(): T {
    if (this.memory !== undefined) return this.memory;
    const raw = this.readRaw();
    return raw === null ? this.spec.fallback : this.parse(raw);
  }

  /** Stores `value`. Storing what is already stored writes nothing, so tabs never echo each other's writes. */
  set(value: T): void {
    const envelope: Envelope = {
      version: this.spec.version,
      value: this.spec.serialize ? this.spec.serialize(value) : value,
    };
    try {
      if (!this.storage) throw new Error('no storage');
      const json = JSON.stringify(envelope);
      if (this.storage.getItem(this.spec.key) === json) return;
      this.storage.setItem(this.spec.key, json);
      this.memory = undefined;
    } catch {
      this.memory = value;
    }
    this.writes.next(value);
  }

  update(change: (current: T) => T): void {
    this.set(change(this.value));
  }

  clear(): void {
    this.memory = undefined;
    try {
      this.storage?.removeItem(this.spec.key);
    } catch {
      // Nothing stored that could be removed.
    }
    this.writes.next(this.spec.fallback);
  }

  private readRaw(): string | null {
    try {
      return this.storage?.getItem(this.spec.key) ?? null;
    } catch {
      return null;
    }
  }

  private parse(raw: string): T {
    let stored: unknown;
    try {
      stored = JSON.parse(raw);
    } catch {
      stored = raw;
    }
    try {
      if (isEnvelope(stored)) {
        return stored.version === this.spec.version ? this.spec.parse(stored.value) : this.spec.fallback;
      }
      return this.spec.parse(stored);
    } catch {
      return this.spec.fallback;
    }
  }
}

function isEnvelope(stored: unknown): stored is Envelope {
  return (
    typeof stored === 'object' &&
    stored !== null &&
    !Array.isArray(stored) &&
    Object.keys(stored).length === 2 &&
    typeof (stored as Envelope).version === 'number' &&
    'value' in stored
  );
}

/** A value kept in this browser's storage. Call in an injection context. */
export function injectPersistedValue<T>(spec: PersistedValueSpec<T>): PersistedValue<T> {
  const view = inject(DOCUMENT).defaultView;
  const storage = storageOf(view, spec.area ?? 'local');
  const events$ = view ? fromEvent<StorageEvent>(view, 'storage') : EMPTY;
  return new PersistedValue(spec, storage, events$);
}

function storageOf(view: Window | null, area: 'local' | 'session'): Storage | undefined {
  try {
    return (area === 'local' ? view?.localStorage : view?.sessionStorage) ?? undefined;
  } catch {
    // A browser that blocks storage throws on access.
    return undefined;
  }
}
