import { AsyncPipe, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { formatAge, formatCores, formatGb, formatGpus, formatPercent } from '../../../shared/format/units';
import { CopyButton } from '../../../shared/ui/copy-button';
import { ResourceBar } from '../../../shared/ui/resource-bar';
import { StatusChip } from '../../../shared/ui/status-chip';
import { ChartSeries, UsageChart } from '../../../shared/ui/usage-chart';
import { WorkerDetailStore } from '../data/worker-detail-store';
import { WORKER_STATUS_EXPLANATION, WORKER_STATUS_LABEL, WORKER_STATUS_TONE } from '../ui/worker-status';

@Component({
  selector: 'app-worker-detail-page',
  imports: [
    AsyncPipe,
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    CopyButton,
    ResourceBar,
    StatusChip,
    UsageChart,
  ],
  templateUrl: './worker-detail-page.html',
  styleUrl: './worker-detail-page.scss',
  // One store per visit, which sees this page's route.
  providers: [WorkerDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkerDetailPage {
  /** Route parameter, bound by the router. */
  readonly id = input.required<string>();

  protected readonly statusLabel = WORKER_STATUS_LABEL;
  protected readonly statusTone = WORKER_STATUS_TONE;
  protected readonly statusExplanation = WORKER_STATUS_EXPLANATION;
  protected readonly percent = formatPercent;
  protected readonly age = formatAge;
  protected readonly cores = formatCores;
  protected readonly gb = formatGb;
  protected readonly gpus = formatGpus;

  protected readonly vm$ = inject(WorkerDetailStore).vm$;

  protected chart(worker: LiveWorker): UsageChartData {
    return usageChart(worker);
  }

  protected readonly chartLabel = computed(() => `CPU, memory and GPU usage of ${this.id()} since this page opened`);
}

interface UsageChartData {
  readonly times: readonly number[];
  readonly series: readonly ChartSeries[];
}

const chartCache = new WeakMap<LiveWorker['history'], UsageChartData>();

/** Chart data for a worker's history; the same object while the history is, so the chart redraws only on new samples. */
function usageChart(worker: LiveWorker): UsageChartData {
  const cached = chartCache.get(worker.history);
  if (cached) {
    return cached;
  }
  const { history } = worker;
  const chart: UsageChartData = {
    times: history.column('at'),
    series: [
      { label: 'CPU %', values: history.column('cpu'), colour: 'var(--mat-sys-primary)' },
      { label: 'Memory %', values: history.column('memory'), colour: 'var(--app-warn)' },
      { label: 'GPU %', values: history.column('gpu'), colour: 'var(--app-ok)' },
    ],
  };
  chartCache.set(history, chart);
  return chart;
}
