import { GuideDocument } from './guide-documents';

export interface GuideSection {
  readonly title: string;
  /** What an operator finds there. */
  readonly about: string;
  readonly document: GuideDocument;
  /** The heading's anchor in the document; `''` for its top. */
  readonly anchor: string;
}

/** The help page's table of contents: the guide's sections an operator looks for. A test checks each anchor exists. */
export const GUIDE_SECTIONS: readonly GuideSection[] = [
  {
    title: 'Using the dashboard',
    about: 'Workers, tasks, the dashboard page, and what each figure means.',
    document: 'readme',
    anchor: 'using-the-dashboard',
  },
  {
    title: 'Live updates and freshness',
    about: 'How data arrives, what "Live", "Stale" and "Reconnecting" mean, and what happens offline.',
    document: 'readme',
    anchor: 'live-updates-and-freshness',
  },
  {
    title: 'Behaviour of the real master the dashboard protects you from',
    about: "The master's known faults, and what the dashboard does about each.",
    document: 'readme',
    anchor: 'behaviour-of-the-real-master-the-dashboard-protects-you-from',
  },
  {
    title: 'Keyboard shortcuts',
    about: 'Every shortcut, also listed on this page.',
    document: 'readme',
    anchor: 'keyboard-shortcuts',
  },
  { title: 'Export', about: 'What CSV and JSON exports contain.', document: 'readme', anchor: 'export' },
  {
    title: 'Times and time zones',
    about: 'Local time or UTC, and how times are written.',
    document: 'readme',
    anchor: 'times-and-time-zones',
  },
  {
    title: 'Signing in',
    about: 'Sessions, sign-out, and what is kept in this browser.',
    document: 'readme',
    anchor: 'signing-in',
  },
  {
    title: 'Pointing it at a real master',
    about: 'Connecting the dashboard to a cluster.',
    document: 'readme',
    anchor: 'pointing-it-at-a-real-master',
  },
  { title: 'Deploying', about: 'Settings, sub-paths, health checks, TLS.', document: 'readme', anchor: 'deploying' },
  {
    title: 'Performance',
    about: 'What the dashboard costs a browser, measured.',
    document: 'readme',
    anchor: 'performance',
  },
  {
    title: "The master's contract",
    about: 'Every endpoint and field of the CloudAI master, with its quirks.',
    document: 'contract',
    anchor: '',
  },
];
