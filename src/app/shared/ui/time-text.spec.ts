import { TestBed } from '@angular/core/testing';
import { TimeZoneStore } from '../format/time-zone-store';
import { formatTimestamp } from '../format/timestamp';
import { TimeText } from './time-text';

describe('TimeText', () => {
  const moment = Date.UTC(2026, 11, 2, 14, 3, 22);
  afterEach(() => localStorage.removeItem('cloudai.time-zone'));

  it('shows the moment on the chosen clock, and gives its exact instant to machines', async () => {
    const fixture = TestBed.createComponent(TimeText);
    fixture.componentRef.setInput('at', moment);
    fixture.componentRef.setInput('format', 'time');
    await fixture.whenStable();
    const time = (fixture.nativeElement as HTMLElement).querySelector('time')!;

    expect(time.textContent).toBe(formatTimestamp(moment, 'time', 'local'));
    expect(time.getAttribute('datetime')).toBe('2026-12-02T14:03:22.000Z');

    TestBed.inject(TimeZoneStore).choose('utc');
    await fixture.whenStable();

    expect(time.textContent).toBe(formatTimestamp(moment, 'time', 'utc'));
    expect(time.textContent).toContain('UTC');
  });
});
