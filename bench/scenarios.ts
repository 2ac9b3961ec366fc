import { Page } from '@playwright/test';

/** What each benchmark scenario runs: the simulator's load, the page, and how long. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly page: string;
  /** Flags for the simulator, at scale 1. */
  readonly simulatorArgs: (scale: number) => string[];
  readonly durationS: number;
  /** A first load from an empty cache, timed to the first live number on screen. */
  readonly coldLoad?: boolean;
  /**
   * When the heap is first read (default 10 s). Later for a scenario whose data is still arriving
   * at 10 s, so growth measures what the page leaks, not the content it was asked to hold.
   */
  readonly heapBaselineS?: number;
  /**
   * More pages opened as tabs of the same browser beside `page`: the master's own count of
   * telemetry sockets and task-list requests then says whether the tabs share one connection.
   * Needs the simulator's control API (`--control`).
   */
  readonly otherTabs?: readonly string[];
  /** What an operator does once the page has loaded, before measuring starts. */
  readonly start?: (page: Page) => Promise<void>;
  /** What happens once the baseline heap was read: the end is then compared with the page as it was before. */
  readonly afterBaseline?: (page: Page) => Promise<void>;
  /** At the end, the command palette is opened and its answers to typed queries are timed. */
  readonly palette?: boolean;
  /** Run only when named with `--scenario` (it takes long). */
  readonly onRequest?: boolean;
}

/**
 * Hides the tab as switching to another tab does, as far as the page can tell: headless Chromium
 * keeps every page visible, so the page's visibility is overridden and announced.
 */
async function hideTab(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

const count = (n: number, scale: number) => String(Math.max(1, Math.round(n * scale)));

/** Quiet: no dropouts, few disk writes, and telemetry times precise enough to measure latency. */
const QUIET = ['--dropout', '0', '--flush-ms', '5000', '--precise-timestamps'];

/** 10,000 tasks, 500 running, and two new ones a second so statuses change on every poll. */
const taskLoad = (scale: number) => [
  '--seed-tasks',
  count(10_000, scale),
  '--seed-running',
  count(500, scale),
  '--task-rate',
  '120',
  ...QUIET,
];

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'workers-1k',
    description: '1,000 workers heartbeating every 5 s (200 telemetry messages/s), page /workers',
    page: '/workers',
    simulatorArgs: (scale) => ['--workers', count(1000, scale), '--heartbeat-ms', '5000', '--task-rate', '0', ...QUIET],
    durationS: 60,
  },
  {
    name: 'workers-10k',
    description: '10,000 workers heartbeating every 5 s (2,000 telemetry messages/s), page /workers',
    page: '/workers',
    simulatorArgs: (scale) => [
      '--workers',
      count(10_000, scale),
      '--heartbeat-ms',
      '5000',
      '--task-rate',
      '0',
      ...QUIET,
    ],
    durationS: 60,
  },
  {
    name: 'tasks-10k',
    description: '10,000 tasks, 500 running, statuses changing every poll, page /tasks',
    page: '/tasks',
    simulatorArgs: (scale) => ['--workers', count(60, scale), ...taskLoad(scale)],
    durationS: 60,
  },
  {
    name: 'palette-10k',
    description: 'the command palette over 10,000 tasks and 1,000 heartbeating workers, page /tasks',
    page: '/tasks',
    simulatorArgs: (scale) => ['--workers', count(1000, scale), ...taskLoad(scale)],
    durationS: 20,
    palette: true,
  },
  {
    name: 'dashboard',
    description: 'both loads together (1,000 workers, 10,000 tasks), page /dashboard',
    page: '/dashboard',
    simulatorArgs: (scale) => ['--workers', count(1000, scale), ...taskLoad(scale)],
    durationS: 60,
  },
  {
    name: 'logs-100k',
    description: 'a task streaming 100,000 log lines, page /tasks/task-bench-logs-live',
    page: '/tasks/task-bench-logs-live',
    simulatorArgs: (scale) => [
      '--workers',
      '6',
      '--task-rate',
      '0',
      '--log-lines',
      count(100_000, scale),
      '--log-replay-ms',
      '0',
      ...QUIET,
    ],
    durationS: 60,
    // 100,000 lines at 5,000 a second are all on screen after about 25 s.
    heapBaselineS: 30,
    // The dashboard opens a running task's live stream only when asked (the real master can corrupt
    // a task's status otherwise).
    start: (page) => page.getByRole('button', { name: /Open (live logs|anyway)/ }).click(),
  },
  {
    name: 'three-tabs',
    description: 'three tabs of one browser (/dashboard, /workers, /tasks), 1,000 workers and 10,000 tasks',
    page: '/dashboard',
    otherTabs: ['/workers', '/tasks'],
    simulatorArgs: (scale) => ['--workers', count(1000, scale), ...taskLoad(scale), '--control'],
    durationS: 60,
  },
  {
    name: 'hidden-2min',
    description: 'the workers-1k load on /workers, visible for 10 s, then two minutes in a hidden tab',
    page: '/workers',
    simulatorArgs: (scale) => ['--workers', count(1000, scale), '--heartbeat-ms', '5000', '--task-rate', '0', ...QUIET],
    durationS: 130,
    afterBaseline: hideTab,
  },
  {
    name: 'hidden-hour',
    description: 'the workers-1k load on /workers, visible for 10 s, then an hour in a hidden tab',
    page: '/workers',
    simulatorArgs: (scale) => ['--workers', count(1000, scale), '--heartbeat-ms', '5000', '--task-rate', '0', ...QUIET],
    durationS: 3600,
    afterBaseline: hideTab,
    onRequest: true,
  },
  {
    name: 'cold-load',
    description: 'first load of /dashboard from the production server, empty cache',
    page: '/dashboard',
    simulatorArgs: () => ['--workers', '6', '--task-rate', '4', ...QUIET],
    durationS: 15,
    coldLoad: true,
  },
];
