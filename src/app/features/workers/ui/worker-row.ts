import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { formatAge, formatCores, formatGb, formatGpus, formatPercent } from '../../../shared/format/units';
import { CopyButton } from '../../../shared/ui/copy-button';
import { Sparkline } from '../../../shared/ui/sparkline';
import { StatusChip } from '../../../shared/ui/status-chip';
import { WORKER_STATUS_EXPLANATION, WORKER_STATUS_LABEL, WORKER_STATUS_TONE } from './worker-status';

/** One row of the workers table. Re-renders only when its worker or the clock changes. */
@Component({
  selector: 'app-worker-row',
  imports: [RouterLink, MatTooltipModule, CopyButton, Sparkline, StatusChip],
  templateUrl: './worker-row.html',
  styleUrl: './worker-row.scss',
  host: {
    role: 'row',
    '[attr.data-worker-id]': 'worker().id',
    '[attr.data-heartbeat]': 'worker().lastHeartbeat',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkerRow {
  readonly worker = input.required<LiveWorker>();
  /** Epoch ms, ticking every second, for "last heartbeat 42 s ago". */
  readonly now = input.required<number>();

  protected readonly statusLabel = WORKER_STATUS_LABEL;
  protected readonly statusTone = WORKER_STATUS_TONE;
  protected readonly statusExplanation = WORKER_STATUS_EXPLANATION;
  protected readonly percent = formatPercent;
  protected readonly age = formatAge;

  protected readonly history = computed(() => {
    const samples = this.worker().history;
    return {
      times: samples.column('at'),
      cpu: samples.column('cpu'),
      memory: samples.column('memory'),
      gpu: samples.column('gpu'),
    };
  });

  protected readonly allocation = computed(() => {
    const { allocated, capacity } = this.worker();
    if (!allocated || !capacity) {
      return null;
    }
    return {
      cpu: `${allocated.cpu} / ${formatCores(capacity.cpu)}`,
      memory: `${allocated.memory} / ${formatGb(capacity.memory)}`,
      gpu: capacity.gpu > 0 ? `${allocated.gpu} / ${formatGpus(capacity.gpu)}` : 'none',
      storage: `${allocated.storage} / ${formatGb(capacity.storage)}`,
    };
  });
}
