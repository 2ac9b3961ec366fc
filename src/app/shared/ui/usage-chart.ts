import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  ViewEncapsulation,
  afterNextRender,
  afterRenderEffect,
  inject,
  input,
} from '@angular/core';
import uPlot from 'uplot';
import { TimeZoneStore } from '../format/time-zone-store';
import { TimeZoneChoice, formatTimestamp } from '../format/timestamp';

/** What a time-series chart draws: sample times (epoch ms, oldest first) and a series per line. */
export interface ChartData {
  readonly times: readonly number[];
  readonly series: readonly ChartSeries[];
}

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** A CSS colour; custom properties are resolved against the chart element. */
  readonly colour: string;
}

/**
 * A time-series chart (uPlot on a canvas) that grows as data arrives and follows the light/dark
 * theme: axis and grid colours come from the element's computed styles. Percentages by default
 * (0–100 scale); `unit` and `yMax` suit it to counts. Times are on the operator's chosen clock
 * (local or UTC); choosing the other redraws the chart.
 */
@Component({
  selector: 'app-usage-chart',
  template: '<div class="plot"></div>',
  styles: `
    app-usage-chart {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      --grid: var(--mat-sys-outline-variant);
    }
    app-usage-chart .plot {
      width: 100%;
    }
    app-usage-chart .u-legend {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface);
      text-align: left;
      margin-top: 4px;
    }
    app-usage-chart .u-legend .u-marker {
      width: 10px;
      height: 10px;
      margin-right: 4px;
      display: inline-block;
      border-radius: 2px;
    }
    app-usage-chart .u-legend th,
    app-usage-chart .u-legend td {
      padding: 0 8px 0 0;
      font-weight: normal;
    }
    /* The time series' row shows only the time under the pointer, not the word "Time". */
    app-usage-chart .u-legend .u-series:first-child th {
      display: none;
    }
    app-usage-chart .u-legend tr {
      display: inline-table;
      margin-right: 12px;
    }
    app-usage-chart .u-over,
    app-usage-chart .u-under {
      position: absolute;
    }
    app-usage-chart .uplot {
      position: relative;
    }
    app-usage-chart .u-wrap {
      position: relative;
    }
  `,
  encapsulation: ViewEncapsulation.None,
  host: { role: 'img', '[attr.aria-label]': 'label()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsageChart implements OnDestroy {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly zones = inject(TimeZoneStore);
  private chart: uPlot | null = null;
  private chartZone: TimeZoneChoice | null = null;
  private resizeObserver: ResizeObserver | null = null;

  /** Sample times, epoch ms, oldest first. */
  readonly times = input.required<readonly number[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  readonly label = input('');
  readonly height = input(220);
  /** Appended to the y-axis values. */
  readonly unit = input(' %');
  /** Top of the y scale; `null` fits the data. */
  readonly yMax = input<number | null>(100);

  constructor() {
    afterRenderEffect({ write: () => this.draw() });
    afterNextRender(() => {
      this.resizeObserver = new ResizeObserver(() =>
        this.chart?.setSize({ width: this.width(), height: this.height() }),
      );
      this.resizeObserver.observe(this.host.nativeElement);
    });
  }

  ngOnDestroy(): void {
    this.resizeObserver?.disconnect();
    this.chart?.destroy();
  }

  private draw(): void {
    const data: uPlot.AlignedData = [
      this.times().map((at) => at / 1000),
      ...this.series().map((series) => series.values as (number | null)[]),
    ];
    const zone = this.zones.zone();
    if (this.chart && this.chartZone === zone) {
      this.chart.setData(data);
      return;
    }
    this.chart?.destroy();
    this.chartZone = zone;
    // About the widest time label, at 7 px a character: a 12-hour clock's "11:59:59 PM" needs more room than "23:59:59".
    const labelWidth = timeTickLabels([Date.UTC(2026, 0, 1, 23, 59, 59) / 1000], 1, zone)[0].length * 7;
    const element = this.host.nativeElement;
    const text = () => getComputedStyle(element).color;
    const grid = () => resolveVar(element, 'var(--grid)');
    this.chart = new uPlot(
      {
        width: this.width(),
        height: this.height(),
        // Room on the right for the last time label, which is centred on its tick.
        padding: [8, Math.ceil(labelWidth / 2), 0, 0],
        // Ticks fall on whole minutes and hours of the chosen clock.
        tzDate: (seconds) =>
          zone === 'utc' ? uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC') : new Date(seconds * 1000),
        scales: { y: { range: (_u, _min, max) => [0, this.yMax() ?? Math.max(1, max)] } },
        axes: [
          {
            stroke: text,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            space: labelWidth + 16,
            values: (_chart, ticks, _axis, _space, stepS) => timeTickLabels(ticks, stepS, zone),
          },
          {
            stroke: text,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            // Wide enough for "100 %".
            size: 60,
            // Counts have no fractions: leave fractional ticks unlabelled.
            values: (_u, ticks) =>
              ticks.map((tick) => (this.unit() === '' && !Number.isInteger(tick) ? '' : `${tick}${this.unit()}`)),
          },
        ],
        series: [
          // The legend names the series; figures (and the time) appear only while the pointer is over the chart.
          {
            value: (_chart, seconds) => (seconds == null ? '' : formatTimestamp(seconds * 1000, 'date-time', zone)),
          },
          ...this.series().map((series) => ({
            label: series.label,
            stroke: () => resolveVar(element, series.colour),
            width: 2,
            points: { show: false },
            value: (_chart: uPlot, value: number | null) =>
              value == null ? '' : `${Math.round(value * 10) / 10}${this.unit()}`,
          })),
        ],
      },
      data,
      element.querySelector<HTMLElement>('.plot') ?? element,
    );
  }

  private width(): number {
    return Math.max(200, this.host.nativeElement.clientWidth);
  }
}

/**
 * Labels of the time axis (ticks in epoch seconds, `stepS` apart): clock times in `zone`, with seconds
 * only when ticks fall between whole minutes, so no two labels read the same ("10:38 10:38").
 */
export function timeTickLabels(
  ticks: readonly number[],
  stepS: number,
  zone: TimeZoneChoice,
  locale?: string,
): string[] {
  const style = stepS % 60 === 0 ? 'tick' : 'tick-seconds';
  return ticks.map((tick) => formatTimestamp(tick * 1000, style, zone, locale));
}

/** The computed colour of a `var(--x)` expression, by applying it to an invisible probe. */
function resolveVar(element: HTMLElement, expression: string): string {
  const probe = document.createElement('span');
  probe.style.color = expression;
  probe.style.display = 'none';
  element.appendChild(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}
