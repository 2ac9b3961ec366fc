import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { formatPercent } from '../../../shared/format/units';
import { HeatMapMetric } from '../data/workers-view-preferences';
import { WORKER_STATUS_LABEL } from './worker-status';

const METRIC_LABEL: Record<HeatMapMetric, string> = { cpu: 'CPU', memory: 'Memory', gpu: 'GPU' };

/** One cell per worker, coloured by the chosen usage metric: a large cluster at a glance. Each cell opens its worker. */
@Component({
  selector: 'app-worker-heat-map',
  imports: [RouterLink],
  template: `
    <div class="grid" role="list" [attr.aria-label]="'Workers coloured by ' + metricLabel[metric()] + ' usage'">
      @for (worker of workers(); track worker.id) {
        @let value = usage(worker);
        <a
          role="listitem"
          class="cell"
          [class.inactive]="worker.status === 'inactive'"
          [routerLink]="['/workers', worker.id]"
          [style.--load]="value === null ? 0 : value"
          [attr.data-worker-id]="worker.id"
          [attr.data-heartbeat]="worker.lastHeartbeat"
          [title]="describe(worker)"
          [attr.aria-label]="describe(worker)"
        ></a>
      }
    </div>
    <p class="legend" aria-hidden="true">
      <span class="swatch low"></span> 0 % <span class="swatch high"></span> 100 % · grey: inactive
    </p>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(28px, 1fr));
      gap: 3px;
    }
    .cell {
      aspect-ratio: 1;
      border-radius: 3px;
      background: color-mix(in oklab, var(--app-danger) calc(var(--load) * 1%), var(--app-ok-container));
      outline-offset: 1px;
    }
    .cell.inactive {
      background: var(--app-neutral-container);
    }
    .cell:hover {
      outline: 2px solid var(--mat-sys-on-surface);
    }
    .legend {
      display: flex;
      align-items: center;
      gap: 6px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 2px;
    }
    .low {
      background: var(--app-ok-container);
    }
    .high {
      background: var(--app-danger);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkerHeatMap {
  readonly workers = input.required<readonly LiveWorker[]>();
  readonly metric = input.required<HeatMapMetric>();

  protected readonly metricLabel = METRIC_LABEL;

  protected usage(worker: LiveWorker): number | null {
    const metric = this.metric();
    return metric === 'cpu' ? worker.cpuUsage : metric === 'memory' ? worker.memoryUsage : worker.gpuUsage;
  }

  protected describe(worker: LiveWorker): string {
    return `${worker.id} · ${WORKER_STATUS_LABEL[worker.status]} · CPU ${formatPercent(worker.cpuUsage)} · memory ${formatPercent(worker.memoryUsage)} · GPU ${formatPercent(worker.gpuUsage)} · ${worker.runningTaskCount} tasks`;
  }
}
