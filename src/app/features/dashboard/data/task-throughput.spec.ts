import { aTask } from '../../../testing/builders';
import { NO_THROUGHPUT, trackThroughput } from './task-throughput';

describe('trackThroughput', () => {
  const minute = 60_000;

  it('does not count tasks that were already finished at the first poll', () => {
    const first = trackThroughput(NO_THROUGHPUT, [aTask({ task_id: 'a', status: 'completed' })], 10 * minute);

    expect(first.buckets).toEqual([{ minute: 10 * minute, completed: 0, failed: 0 }]);
  });

  it('counts tasks that turn completed or failed, in the minute they were seen', () => {
    const running = [
      aTask({ task_id: 'a', status: 'running' }),
      aTask({ task_id: 'b', status: 'running' }),
      aTask({ task_id: 'c', status: 'pending' }),
    ];
    const first = trackThroughput(NO_THROUGHPUT, running, 10 * minute);
    const second = trackThroughput(
      first,
      [
        aTask({ task_id: 'a', status: 'completed' }),
        aTask({ task_id: 'b', status: 'failed' }),
        aTask({ task_id: 'c', status: 'running' }),
      ],
      10 * minute + 3000,
    );
    const third = trackThroughput(
      second,
      [...second.statuses!.keys()].map((id) => aTask({ task_id: id, status: 'completed' })),
      11 * minute,
    );

    expect(second.buckets).toEqual([{ minute: 10 * minute, completed: 1, failed: 1 }]);
    expect(third.buckets).toEqual([
      { minute: 10 * minute, completed: 1, failed: 1 },
      { minute: 11 * minute, completed: 2, failed: 0 },
    ]);
  });

  it('counts a new task that appears already completed', () => {
    const first = trackThroughput(NO_THROUGHPUT, [], 0);

    expect(trackThroughput(first, [aTask({ status: 'completed' })], 1000).buckets[0].completed).toBe(1);
  });

  it('keeps only the last 30 minutes', () => {
    let throughput = trackThroughput(NO_THROUGHPUT, [], 0);
    for (let m = 1; m <= 40; m++) {
      throughput = trackThroughput(throughput, [], m * minute);
    }

    expect(throughput.buckets.length).toBe(30);
    expect(throughput.buckets[0].minute).toBe(11 * minute);
  });
});
