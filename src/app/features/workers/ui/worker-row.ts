import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { formatCores, formatGb, formatGpus, formatPercent } from '../../../shared/format/units';
import { AgeText } from '../../../shared/ui/age-text';
import { CopyButton } from '../../../shared/ui/copy-button';
import { FocusableRow } from '../../../shared/ui/focusable-row';
import { Sparkline } from '../../../shared/ui/sparkline';
import { StatusChip } from '../../../shared/ui/status-chip';
import { WORKER_STATUS_EXPLANATION, WORKER_STATUS_LABEL, WORKER_STATUS_TONE } from './worker-status';

/** One row of the workers table. Re-renders only when its worker or the clock changes. */
@Component({
  selector: 'app-worker-row',
  imports: [RouterLink, MatTooltipModule, CopyButton, Sparkline, StatusChip, AgeText],
  templateUrl: './worker-row.html',
  styleUrl: './worker-row.scss',
  host: {
    role: 'row',
    '[attr.data-worker-id]': 'worker().id',
    '[attr.data-heartbeat]': 'worker().lastHeartbeat',
  },
  hostDirectives: [{ directive: FocusableRow, inputs: ['focused'] }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkerRow {
  readonly worker = input.required<LiveWorker>();

  protected readonly statusLabel = WORKER_STATUS_LABEL;
  protected readonly statusTone = WORKER_STATUS_TONE;
  protected readonly statusExplanation = WORKER_STATUS_EXPLANATION;
  protected readonly percent = formatPercent;
  /** The allocation cells' names, for the phone layout's card, where no header lines up with them. */
  protected readonly allocationLabels = ['CPU allocated', 'Memory allocated', 'GPU allocated', 'Storage allocated'];

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
      cpu: allocationCell(allocated.cpu, capacity.cpu, formatCores),
      memory: allocationCell(allocated.memory, capacity.memory, formatGb),
      gpu: allocationCell(allocated.gpu, capacity.gpu, formatGpus),
      storage: allocationCell(allocated.storage, capacity.storage, formatGb),
    };
  });

  protected readonly negativeExplanation = NEGATIVE_ALLOCATION;
}

/** Why a negative figure is on screen: it is what the master reports, and it is wrong. */
export const NEGATIVE_ALLOCATION =
  'The master reports a negative allocation: it accepted a task asking for a negative amount. The figure is shown as reported.';

interface AllocationCell {
  readonly text: string;
  /** The master reported a negative allocation. */
  readonly negative: boolean;
}

function allocationCell(used: number, total: number, format: (value: number) => string): AllocationCell {
  if (total === 0 && used === 0) {
    return { text: 'none', negative: false };
  }
  return { text: `${used} / ${format(total)}`, negative: used < 0 };
}
