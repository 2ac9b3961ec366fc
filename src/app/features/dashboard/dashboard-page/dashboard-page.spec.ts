import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { LoadState } from '../../../shared/streams/load-state';
import { ClusterSummary } from '../data/cluster-summary';
import { DashboardStore } from '../data/dashboard-store';
import { Headroom } from '../data/headroom';
import { RecentFailures } from '../data/recent-failures';
import { DashboardPage } from './dashboard-page';
import { formatTimestamp } from '../../../shared/format/timestamp';

describe('DashboardPage', () => {
  const summary: ClusterSummary = {
    workers: { total: 6, active: 4, stale: 1, inactive: 1 },
    tasks: { total: 12, pending: 2, running: 3, completed: 4, failed: 1, cancelled: 1, other: 1 },
    resources: {
      cpu: { total: 40, allocated: 30 },
      memory: { total: 100, allocated: 95 },
      storage: { total: 1000, allocated: 10 },
      gpu: { total: 0, allocated: 0 },
    },
    tasksProblem: null,
    unknownCapacity: 0,
  };

  const noChart = { times: [], series: [] };
  const NO_FAILURES: RecentFailures = {
    at: 0,
    groups: [],
    groupCount: 0,
    failureCount: 0,
    stillReading: 0,
    examined: 0,
    failedTotal: 0,
  };
  const refresh = jasmine.createSpy('refresh');

  async function render(
    state: LoadState<ClusterSummary>,
    headroom: Headroom | null = null,
    failures: RecentFailures = NO_FAILURES,
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [DashboardPage],
      providers: [
        provideRouter([]),
        {
          provide: DashboardStore,
          useValue: {
            summary$: of(state),
            throughputChart$: of(noChart),
            clusterUsageChart$: of(noChart),
            headroom$: of(headroom),
            recentFailures$: of(failures),
            refresh,
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(DashboardPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the worker and task counts with the time of the data', async () => {
    const page = await render({
      kind: 'ready',
      data: summary,
      updatedAt: new Date(2026, 10, 25, 14, 2, 11).getTime(),
    });

    expect(page.querySelector('[data-testid="workers-total"]')?.textContent?.trim()).toBe('6');
    expect(page.querySelector('[data-testid="tasks-total"]')?.textContent?.trim()).toBe('12');
    expect(page.textContent).toContain('4 active · 1 late · 1 inactive');
    expect(page.textContent).toContain('Other');
    expect(page.textContent).toContain(
      `Updated ${formatTimestamp(new Date(2026, 10, 25, 14, 2, 11).getTime(), 'time', 'local')}`,
    );
  });

  it('shows the headroom: the largest task that starts now, that could ever run, and stranded room', async () => {
    const peak = (amount: number, workerId: string | null) => ({ amount, workerId });
    const headroom: Headroom = {
      startsNow: {
        cpu: peak(10, 'kiwi'),
        memory: peak(86, 'atlas'),
        storage: peak(800, 'atlas'),
        gpu: peak(0, 'kiwi'),
      },
      everRuns: {
        cpu: peak(32, 'gpu-node-1'),
        memory: peak(128, 'gpu-node-1'),
        storage: peak(1000, 'gpu-node-1'),
        gpu: peak(0, 'kiwi'),
      },
      roomiest: { workerId: 'kiwi', free: { cpu: 10, memory: 0.2, storage: 95, gpu: 0 } },
      stranded: [{ workerId: 'kiwi', leftOver: 'cpu', freeCpu: 10, freeMemory: 0.2 }],
      unknownCapacity: 1,
    };

    const page = await render({ kind: 'ready', data: summary, updatedAt: 0 }, headroom);

    const panel = page.querySelector('[data-testid="headroom"]')!;
    const memory = Array.from(panel.querySelectorAll('tr')).find((row) => row.textContent?.includes('Memory'))!;
    expect(memory.textContent).toContain('86 GB');
    expect(memory.textContent).toContain('atlas');
    expect(memory.textContent).toContain('128 GB');
    const text = panel.textContent?.replace(/\s+/g, ' ');
    expect(text).toContain('would start 10 cores, 0.2 GB memory, 95 GB storage, 0 GPUs now');
    expect(text).toContain('kiwi: 10 cores free, but only 0.2 GB memory');
    expect(text).toContain('1 worker is left out: capacity unknown.');
  });

  it("lists the last hour's failures by cause, each with a link to its tasks", async () => {
    const failures: RecentFailures = {
      ...NO_FAILURES,
      at: 10_000_000,
      groups: [
        {
          key: 'k1',
          image: 'trainer:2',
          kind: 'program',
          text: 'MemoryError: unable to allocate array',
          count: 3,
          firstSeen: 10_000 - 600,
          lastSeen: 10_000 - 120,
          workers: ['atlas', 'kiwi'],
          taskIds: ['t3', 't2', 't1'],
        },
      ],
      groupCount: 1,
      failureCount: 3,
      examined: 3,
      failedTotal: 3,
    };

    const page = await render({ kind: 'ready', data: summary, updatedAt: 0 }, null, failures);

    const group = page.querySelector('[data-testid="failure-group"]')!;
    expect(group.textContent).toContain('3 ×');
    expect(group.textContent).toContain('MemoryError: unable to allocate array');
    expect(group.textContent?.replace(/\s+/g, ' ')).toContain('Last 2 min ago · first 10 min ago · on atlas, kiwi');
    expect(group.querySelector('a')?.getAttribute('href')).toBe('/tasks?status=failed&failure=k1');
  });

  it('shows the workers and says why task counts are unknown on a master without a database', async () => {
    const problem = 'The master has no database, so it keeps no task list and no worker registrations.';
    const page = await render({
      kind: 'ready',
      data: { ...summary, tasks: null, tasksProblem: problem, unknownCapacity: 4 },
      updatedAt: 0,
    });

    expect(page.querySelector('[data-testid="workers-total"]')?.textContent?.trim()).toBe('6');
    expect(page.querySelector('[data-testid="tasks-total"]')?.textContent?.trim()).toBe('unknown');
    expect(page.textContent).toContain(problem);
    expect(page.textContent).toContain('4 active workers are left out: the master reports no capacities');
  });

  it('marks a negative allocation the master reports', async () => {
    const odd = { ...summary, resources: { ...summary.resources, gpu: { total: 0, allocated: -1 } } };
    const page = await render({ kind: 'ready', data: odd, updatedAt: 0 });

    expect(page.textContent).toContain('The master reports a negative allocation');
  });

  it('shows cluster resources over active workers, amber from 70 % and red from 90 %', async () => {
    const page = await render({ kind: 'ready', data: summary, updatedAt: 0 });
    const meter = (name: string) => page.querySelector(`[role="meter"][aria-label="${name} allocated"]`);

    expect(meter('CPU')?.getAttribute('aria-valuenow')).toBe('75');
    expect(meter('CPU')?.querySelector('.fill')?.classList).toContain('tone-warn');
    expect(meter('Memory')?.querySelector('.fill')?.classList).toContain('tone-danger');
    expect(meter('Storage')?.querySelector('.fill')?.classList).toContain('tone-ok');
    expect(page.textContent).toContain('No GPUs on active workers');
  });

  it('keeps the figures but says so when the last refresh failed', async () => {
    const page = await render({ kind: 'ready', data: summary, updatedAt: 0, refreshError: 'HTTP 502' });

    expect(page.querySelector('[role="status"]')?.textContent).toContain('last refresh failed: HTTP 502');
    expect(page.querySelector('[data-testid="workers-total"]')).not.toBeNull();
  });

  it('shows a progress bar while loading', async () => {
    const page = await render({ kind: 'loading' });

    expect(page.querySelector('mat-progress-bar')).not.toBeNull();
    expect(page.querySelector('[data-testid="workers-total"]')).toBeNull();
  });

  it("shows the master's error and that it keeps trying", async () => {
    const page = await render({ kind: 'error', message: 'Database not available (HTTP 503)' });

    const alert = page.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Database not available (HTTP 503)');
    expect(alert?.textContent).toContain('keeps trying');
    (alert?.querySelector('button') as HTMLButtonElement).click();
    expect(refresh).toHaveBeenCalled();
  });

  it('says how to get workers when the cluster has none', async () => {
    const empty: ClusterSummary = { ...summary, workers: { total: 0, active: 0, stale: 0, inactive: 0 } };
    const page = await render({ kind: 'ready', data: empty, updatedAt: 0 });

    expect(page.textContent).toContain('No workers have registered');
  });
});
