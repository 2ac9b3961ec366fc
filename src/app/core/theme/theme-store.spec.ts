import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ThemeStore } from './theme-store';

describe('ThemeStore', () => {
  beforeEach(() => localStorage.removeItem('cloudai.theme'));
  afterEach(() => {
    localStorage.removeItem('cloudai.theme');
    document.documentElement.style.colorScheme = '';
  });

  it('follows the OS until the user chooses', async () => {
    const store = TestBed.inject(ThemeStore);

    expect(await firstValueFrom(store.preference$)).toBe('system');
    expect(document.documentElement.style.colorScheme).toBe('light dark');
  });

  it('pins the chosen scheme on the page and remembers it', async () => {
    const store = TestBed.inject(ThemeStore);

    store.choose('dark');

    expect(document.documentElement.style.colorScheme).toBe('dark');
    expect(await firstValueFrom(store.scheme$)).toBe('dark');
    expect(JSON.parse(localStorage.getItem('cloudai.theme') ?? 'null')).toEqual({ version: 1, value: 'dark' });
  });

  it('starts from the remembered choice', async () => {
    localStorage.setItem('cloudai.theme', 'light');

    const store = TestBed.inject(ThemeStore);

    expect(await firstValueFrom(store.preference$)).toBe('light');
    expect(document.documentElement.style.colorScheme).toBe('light');
  });

  it('ignores a stored value it does not know', async () => {
    localStorage.setItem('cloudai.theme', 'purple');

    expect(await firstValueFrom(TestBed.inject(ThemeStore).preference$)).toBe('system');
  });
});
