import { UsageHistory } from '../../../core/realtime/usage-history';
import { oncePerObject } from '../../../shared/state/once-per-object';
import { ChartData } from '../../../shared/ui/usage-chart';

/**
 * A worker's CPU, memory and GPU usage since the page opened, as chart input. Histories are
 * immutable, so the chart data is made once per history and the chart redraws only on new samples.
 */
export const toUsageChart = oncePerObject((history: UsageHistory): ChartData => ({
  times: history.column('at'),
  series: [
    { label: 'CPU %', values: history.column('cpu'), colour: 'var(--mat-sys-primary)' },
    { label: 'Memory %', values: history.column('memory'), colour: 'var(--app-warn)' },
    { label: 'GPU %', values: history.column('gpu'), colour: 'var(--app-ok)' },
  ],
}));
