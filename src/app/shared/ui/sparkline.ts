import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  afterRenderEffect,
  inject,
  input,
} from '@angular/core';
import uPlot from 'uplot';

/**
 * A small line chart of recent values (uPlot on a canvas): no axes, no legend, 0–100 scale.
 * The line takes the element's text colour, so it follows the theme.
 */
@Component({
  selector: 'app-sparkline',
  template: '',
  styles: `
    :host {
      display: inline-block;
      width: 72px;
      height: 22px;
      color: var(--mat-sys-primary);
      vertical-align: middle;
    }
  `,
  host: { role: 'img', '[attr.aria-label]': 'label()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Sparkline implements OnDestroy {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private chart: uPlot | null = null;

  /** Sample times (epoch ms) and values, oldest first. */
  readonly times = input.required<readonly number[]>();
  readonly values = input.required<readonly (number | null)[]>();
  readonly label = input('');

  constructor() {
    afterRenderEffect({
      write: () => this.draw(this.times(), this.values()),
    });
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
  }

  private draw(times: readonly number[], values: readonly (number | null)[]): void {
    const data: uPlot.AlignedData = [times.map((at) => at / 1000), values as (number | null)[]];
    if (this.chart) {
      this.chart.setData(data);
      return;
    }
    const element = this.host.nativeElement;
    const colour = () => getComputedStyle(element).color;
    this.chart = new uPlot(
      {
        width: 72,
        height: 22,
        pxAlign: false,
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        legend: { show: false },
        scales: { x: { time: false }, y: { range: [0, 100] } },
        axes: [{ show: false }, { show: false }],
        series: [{}, { stroke: colour, width: 1.5, points: { show: false } }],
        padding: [2, 0, 2, 0],
      },
      data,
      element,
    );
  }
}
