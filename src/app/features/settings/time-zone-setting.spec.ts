import { TestBed } from '@angular/core/testing';
import { TimeZoneStore } from '../../shared/format/time-zone-store';
import { TimeZoneSetting } from './time-zone-setting';

describe('TimeZoneSetting', () => {
  afterEach(() => localStorage.removeItem('cloudai.time-zone'));

  it("offers local time (naming the browser's zone) and UTC, and switches on a choice", async () => {
    const fixture = TestBed.createComponent(TimeZoneSetting);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const radio = (value: string) => element.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`)!;

    expect(radio('local').checked).toBeTrue();
    expect(element.textContent).toContain(Intl.DateTimeFormat().resolvedOptions().timeZone);

    radio('utc').click();
    await fixture.whenStable();

    expect(TestBed.inject(TimeZoneStore).zone()).toBe('utc');
    expect(radio('utc').checked).toBeTrue();
  });
});
