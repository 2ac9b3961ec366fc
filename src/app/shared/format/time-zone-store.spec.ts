import { TestBed } from '@angular/core/testing';
import { TimeZoneStore } from './time-zone-store';

describe('TimeZoneStore', () => {
  const key = 'cloudai.time-zone';
  const moment = Date.UTC(2026, 11, 2, 14, 3, 22);
  beforeEach(() => localStorage.removeItem(key));
  afterEach(() => localStorage.removeItem(key));

  it('shows local time until the operator chooses, then UTC, and remembers it', () => {
    const store = TestBed.inject(TimeZoneStore);
    expect(store.zone()).toBe('local');

    store.choose('utc');

    expect(store.zone()).toBe('utc');
    expect(store.format(moment)).toContain('UTC');
    expect(JSON.parse(localStorage.getItem(key) ?? 'null')).toEqual({ version: 1, value: 'utc' });
  });

  it('starts from the remembered choice, and reads anything else as local', () => {
    localStorage.setItem(key, JSON.stringify({ version: 1, value: 'utc' }));
    expect(TestBed.inject(TimeZoneStore).zone()).toBe('utc');

    TestBed.resetTestingModule();
    localStorage.setItem(key, JSON.stringify({ version: 1, value: 'mars' }));
    expect(TestBed.inject(TimeZoneStore).zone()).toBe('local');
  });

  it('follows a choice made in another tab', () => {
    const store = TestBed.inject(TimeZoneStore);
    localStorage.setItem(key, JSON.stringify({ version: 1, value: 'utc' }));

    window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage }));

    expect(store.zone()).toBe('utc');
  });
});
