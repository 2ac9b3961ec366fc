import { amounts } from '../../../testing/builders';
import { PlacementWorker } from './pending-reason';
import { capacitiesOf } from './worker-capacities';

describe('capacitiesOf', () => {
  const worker = (id: string, capacity: PlacementWorker['capacity']): PlacementWorker => ({
    id,
    active: true,
    capacity,
    available: capacity,
  });

  it('keeps the first worker of each machine type, in list order, and the most of each resource', () => {
    const workers = [
      worker('small-1', amounts(4, 8, 100)),
      worker('ghost', null),
      worker('large-1', amounts(32, 64, 500, 2)),
      worker('small-2', amounts(4, 8, 100)),
      worker('disk', amounts(2, 4, 2000)),
    ];

    const summary = capacitiesOf(workers);

    expect(summary.known).toBe(4);
    expect(summary.kinds.map((kind) => kind.id)).toEqual(['small-1', 'large-1', 'disk']);
    expect(summary.largest).toEqual(amounts(32, 64, 2000, 2));
  });

  it('works a list out once', () => {
    const workers = [worker('a', amounts(1, 1, 1))];

    expect(capacitiesOf(workers)).toBe(capacitiesOf(workers));
    expect(capacitiesOf([...workers])).not.toBe(capacitiesOf(workers));
  });
});
