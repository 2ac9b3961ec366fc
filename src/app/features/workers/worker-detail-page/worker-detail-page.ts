import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { Icon } from '../../../shared/ui/icon';
import { RouterLink } from '@angular/router';
import { formatAge, formatCores, formatGb, formatGpus, formatPercent } from '../../../shared/format/units';
import { CopyButton } from '../../../shared/ui/copy-button';
import { ResourceBar } from '../../../shared/ui/resource-bar';
import { StatusChip } from '../../../shared/ui/status-chip';
import { UsageChart } from '../../../shared/ui/usage-chart';
import { WorkerDetailStore } from '../data/worker-detail-store';
import { toUsageChart } from '../data/worker-usage-chart';
import { WORKER_STATUS_EXPLANATION, WORKER_STATUS_LABEL, WORKER_STATUS_TONE } from '../ui/worker-status';
import { TimeText } from '../../../shared/ui/time-text';

@Component({
  selector: 'app-worker-detail-page',
  imports: [
    AsyncPipe,
    TimeText,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    Icon,
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
  protected readonly chart = toUsageChart;

  protected readonly chartLabel = computed(() => `CPU, memory and GPU usage of ${this.id()} since this page opened`);
}
