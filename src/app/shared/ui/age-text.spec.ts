import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TimeZoneStore } from '../format/time-zone-store';
import { formatTimestamp } from '../format/timestamp';
import { AGE_CLOCK, AgeText } from './age-text';

describe('AgeText', () => {
  it('counts on the clock the list provides, and says never for no time', async () => {
    const now = signal(100_000);
    TestBed.configureTestingModule({ providers: [{ provide: AGE_CLOCK, useValue: now }] });
    const fixture = TestBed.createComponent(AgeText);
    fixture.componentRef.setInput('at', 95_000);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toBe('5 s ago');

    now.set(160_000);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toBe('65 s ago');

    fixture.componentRef.setInput('at', null);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toBe('never');
  });

  it('keeps the exact time, on the chosen clock, for hovering', async () => {
    TestBed.configureTestingModule({ providers: [{ provide: AGE_CLOCK, useValue: signal(100_000) }] });
    TestBed.inject(TimeZoneStore).choose('utc');
    const fixture = TestBed.createComponent(AgeText);
    fixture.componentRef.setInput('at', 95_000);
    await fixture.whenStable();

    expect(fixture.nativeElement.title).toBe(formatTimestamp(95_000, 'date-time', 'utc'));
    localStorage.removeItem('cloudai.time-zone');
  });
});
