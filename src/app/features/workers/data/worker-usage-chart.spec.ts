import { UsageHistory } from '../../../core/realtime/usage-history';
import { toUsageChart } from './worker-usage-chart';

describe('toUsageChart', () => {
  it('draws CPU, memory and GPU over time, once per history', () => {
    const history = UsageHistory.of([{ at: 1000, cpu: 10, memory: 20, gpu: 0 }]);

    const chart = toUsageChart(history);

    expect(chart.times).toEqual([1000]);
    expect(chart.series.map((series) => [series.label, series.values[0]])).toEqual([
      ['CPU %', 10],
      ['Memory %', 20],
      ['GPU %', 0],
    ]);
    expect(toUsageChart(history)).toBe(chart);
  });
});
