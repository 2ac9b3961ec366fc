import { TestBed } from '@angular/core/testing';
import { USER_DATA_PREFIX } from '../auth/user-data';
import { PaletteRecents } from './palette-recents';

describe('PaletteRecents', () => {
  const key = `${USER_DATA_PREFIX}palette-recent`;
  afterEach(() => localStorage.removeItem(key));

  it('keeps the last eight entries chosen, newest first, each once, as user data', () => {
    const recents = TestBed.inject(PaletteRecents);
    for (let index = 0; index < 10; index++) recents.remember(`task:${index}`);
    recents.remember('task:5');

    expect(recents.keys).toEqual(['task:5', 'task:9', 'task:8', 'task:7', 'task:6', 'task:4', 'task:3', 'task:2']);
    expect(localStorage.getItem(key)).toContain('task:5');
  });

  it('reads anything else stored as nothing recent', () => {
    localStorage.setItem(key, JSON.stringify({ version: 1, value: 'task:1' }));
    expect(TestBed.inject(PaletteRecents).keys).toEqual([]);
  });
});
