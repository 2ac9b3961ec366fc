import { UsageHistory } from '../../../core/realtime/usage-history';
import { ChartData } from '../../../shared/ui/usage-chart';

const charts = new WeakMap<UsageHistory, ChartData>();

/**
 * A worker's CPU, memory and GPU usage since the page opened, as chart input. Histories are
 * immutable, so the chart data is made once per history and the chart redraws only on new samples.
 */
export function toUsageChart(history: UsageHistory): ChartData {
  const known = charts.get(history);
  if (known) return known;
  const chart: ChartData = {
    times: history.column('at'),
    series: [
      { label: 'CPU %', values: history.column('cpu'), colour: 'var(--mat-sys-primary)' },
      { label: 'Memory %', values: history.column('memory'), colour: 'var(--app-warn)' },
      { label: 'GPU %', values: history.column('gpu'), colour: 'var(--app-ok)' },
    ],
  };
  charts.set(history, chart);
  return chart;
}
