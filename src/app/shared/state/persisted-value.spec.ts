import { Subject } from 'rxjs';
import { PersistedValue, PersistedValueSpec } from './persisted-value';

interface Prefs {
  readonly mode: 'table' | 'heatmap';
}

const SPEC: PersistedValueSpec<Prefs> = {
  key: 'test.prefs',
  version: 2,
  fallback: { mode: 'table' },
  parse: (stored) => ({ mode: (stored as Prefs | null)?.mode === 'heatmap' ? 'heatmap' : 'table' }),
};

describe('PersistedValue', () => {
  let storageEvents: Subject<StorageEvent>;

  beforeEach(() => {
    localStorage.removeItem(SPEC.key);
    storageEvents = new Subject();
  });
  afterEach(() => localStorage.removeItem(SPEC.key));

  const value = (storage: Storage | undefined = localStorage) => new PersistedValue(SPEC, storage, storageEvents);

  it('reads the fallback when nothing is stored, and what was set after', () => {
    const prefs = value();
    expect(prefs.value).toEqual({ mode: 'table' });

    prefs.set({ mode: 'heatmap' });

    expect(prefs.value).toEqual({ mode: 'heatmap' });
    expect(value().value).toEqual({ mode: 'heatmap' });
    expect(JSON.parse(localStorage.getItem(SPEC.key)!)).toEqual({ version: 2, value: { mode: 'heatmap' } });
  });

  it('ignores a value stored under another version, and falls back on anything unreadable', () => {
    localStorage.setItem(SPEC.key, JSON.stringify({ version: 1, value: { mode: 'heatmap' } }));
    expect(value().value).toEqual({ mode: 'table' });

    localStorage.setItem(SPEC.key, '{not json');
    expect(value().value).toEqual({ mode: 'table' });
  });

  it('still reads a value stored before versions were recorded, JSON or plain text', () => {
    localStorage.setItem(SPEC.key, JSON.stringify({ mode: 'heatmap' }));
    expect(value().value).toEqual({ mode: 'heatmap' });

    const theme = new PersistedValue<string>(
      { key: SPEC.key, version: 1, fallback: 'system', parse: (stored) => (stored === 'dark' ? 'dark' : 'system') },
      localStorage,
      storageEvents,
    );
    localStorage.setItem(SPEC.key, 'dark');
    expect(theme.value).toBe('dark');
  });

  it("follows this tab's writes and other tabs' changes", () => {
    const prefs = value();
    const seen: Prefs[] = [];
    const subscription = prefs.value$.subscribe((current) => seen.push(current));

    prefs.set({ mode: 'heatmap' });
    localStorage.setItem(SPEC.key, JSON.stringify({ version: 2, value: { mode: 'table' } }));
    storageEvents.next(new StorageEvent('storage', { key: SPEC.key, storageArea: localStorage }));
    storageEvents.next(new StorageEvent('storage', { key: 'someone.else', storageArea: localStorage }));
    subscription.unsubscribe();

    expect(seen).toEqual([{ mode: 'table' }, { mode: 'heatmap' }, { mode: 'table' }]);
  });

  it('clears back to the fallback', () => {
    const prefs = value();
    prefs.set({ mode: 'heatmap' });

    prefs.clear();

    expect(prefs.value).toEqual({ mode: 'table' });
    expect(localStorage.getItem(SPEC.key)).toBeNull();
  });

  it('keeps the value in memory for the page when there is no storage, or it refuses the write', () => {
    const withoutStorage = value(undefined);
    withoutStorage.set({ mode: 'heatmap' });
    expect(withoutStorage.value).toEqual({ mode: 'heatmap' });

    const full = jasmine.createSpyObj<Storage>('Storage', ['getItem', 'setItem', 'removeItem']);
    full.getItem.and.returnValue(null);
    full.setItem.and.throwError(new DOMException('quota', 'QuotaExceededError'));
    const refused = value(full);
    refused.set({ mode: 'heatmap' });
    expect(refused.value).toEqual({ mode: 'heatmap' });
  });
});
