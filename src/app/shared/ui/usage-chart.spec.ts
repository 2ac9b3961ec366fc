import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { UsageChart, timeTickLabels } from './usage-chart';

const at = (hours: number, minutes: number, seconds = 0) =>
  new Date(2026, 11, 1, hours, minutes, seconds).getTime() / 1000;

/** Hosts the chart under its own element name, which its styles are written against. */
@Component({
  imports: [UsageChart],
  template: '<app-usage-chart [times]="times" [series]="series" label="Usage" />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ChartHost {
  readonly times = [at(10, 0) * 1000, at(10, 0, 5) * 1000];
  readonly series = [
    { label: 'CPU %', values: [10, 20], colour: 'red' },
    { label: 'Memory %', values: [30, 40], colour: 'blue' },
  ];
}

describe('UsageChart', () => {
  it('labels time ticks with distinct clock times: seconds only between whole minutes', () => {
    expect(timeTickLabels([at(10, 38), at(10, 38, 30), at(10, 39)], 30, 'local', 'en-GB')).toEqual([
      '10:38:00',
      '10:38:30',
      '10:39:00',
    ]);
    expect(timeTickLabels([at(14, 0), at(14, 5)], 300, 'local', 'en-GB')).toEqual(['14:00', '14:05']);
  });

  it("labels time ticks on UTC when the operator chose it, in the browser's locale", () => {
    const utc = Date.UTC(2026, 11, 1, 14, 5) / 1000;

    expect(timeTickLabels([utc], 300, 'utc', 'en-GB')).toEqual(['14:05']);
    expect(timeTickLabels([utc], 300, 'utc', 'en-US')).toEqual(['02:05 PM']);
  });

  it('names its series in the legend without placeholder figures while the pointer is elsewhere', async () => {
    const fixture = TestBed.createComponent(ChartHost);
    await fixture.whenStable();
    const legend = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('.u-legend')?.innerText ?? '';

    expect(legend).toContain('CPU %');
    expect(legend).toContain('Memory %');
    expect(legend).not.toContain('Time');
    expect(legend).not.toMatch(/[–-]{1,2}/);
  });
});
