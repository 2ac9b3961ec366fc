/** What a keyboard shortcut does. */
export type ShortcutCommand = AppCommand | PageCommand;

/** Commands the app runs whatever the page. */
export type AppCommand = 'go-dashboard' | 'go-workers' | 'go-tasks' | 'new-task' | 'show-shortcuts' | 'open-palette';

/** Commands the current page runs, if it offers them (see `PageCommands`); the exports are the command palette's. */
export type PageCommand =
  | 'focus-search'
  | 'next-row'
  | 'previous-row'
  | 'open-row'
  | 'select-row'
  | 'cancel-row'
  | 'refresh'
  | 'toggle-pause'
  | 'export-csv'
  | 'export-json';

/** The command palette's key combination, as the sheet writes it. */
export const PALETTE_KEYS = 'Ctrl K';

/** Where shortcuts work, in the order the sheet lists them. */
export const SHORTCUT_PLACES = ['Anywhere', 'Task and worker lists', 'Task list'] as const;
export type ShortcutPlace = (typeof SHORTCUT_PLACES)[number];

export interface Shortcut {
  /** The keys pressed one after the other, as `KeyboardEvent.key` gives them. */
  readonly keys: readonly string[];
  readonly command: ShortcutCommand;
  readonly description: string;
  /** Where it works, for the shortcut sheet. */
  readonly where: ShortcutPlace;
}

/** Every shortcut, in the order the shortcut sheet lists them. Ignored while typing in a field. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['g', 'd'], command: 'go-dashboard', description: 'Go to the dashboard', where: 'Anywhere' },
  { keys: ['g', 'w'], command: 'go-workers', description: 'Go to the workers', where: 'Anywhere' },
  { keys: ['g', 't'], command: 'go-tasks', description: 'Go to the tasks', where: 'Anywhere' },
  { keys: ['n'], command: 'new-task', description: 'Submit a new task', where: 'Anywhere' },
  { keys: ['?'], command: 'show-shortcuts', description: 'Show these shortcuts', where: 'Anywhere' },
  // A combination, so the shell reads it itself (it also works while typing in a field); listed for the sheet.
  {
    keys: [PALETTE_KEYS],
    command: 'open-palette',
    description: 'Jump to a task, worker or page, or run a command (⌘ K on a Mac)',
    where: 'Anywhere',
  },
  { keys: ['/'], command: 'focus-search', description: 'Search the list', where: 'Task and worker lists' },
  { keys: ['j'], command: 'next-row', description: 'Move to the next row', where: 'Task and worker lists' },
  { keys: ['k'], command: 'previous-row', description: 'Move to the previous row', where: 'Task and worker lists' },
  { keys: ['Enter'], command: 'open-row', description: "Open the row's page", where: 'Task and worker lists' },
  { keys: ['x'], command: 'select-row', description: 'Select or unselect the row', where: 'Task list' },
  { keys: ['c'], command: 'cancel-row', description: "Cancel the row's task (asks first)", where: 'Task list' },
  { keys: ['r'], command: 'refresh', description: 'Refresh now', where: 'Task and worker lists' },
  { keys: ['p'], command: 'toggle-pause', description: 'Pause or resume updates', where: 'Task list' },
];

/** How long the second key of a sequence (`g` then `d`) may wait. */
export const SEQUENCE_MS = 1500;

/** The first key of a sequence, pressed at `at`, waiting for the next. */
export interface PendingKeys {
  readonly keys: readonly string[];
  readonly at: number;
}

/**
 * Reads one key press: the command it completes, or the start of a sequence to wait on. A key that
 * does not continue the waiting sequence is read on its own, as if nothing had been pressed before.
 */
export function readKey(
  pending: PendingKeys | null,
  key: string,
  at: number,
): { readonly command: ShortcutCommand | null; readonly pending: PendingKeys | null } {
  if (pending && at - pending.at <= SEQUENCE_MS) {
    const keys = [...pending.keys, key];
    const completed = SHORTCUTS.find((shortcut) => sameKeys(shortcut.keys, keys));
    if (completed) return { command: completed.command, pending: null };
  }
  const single = SHORTCUTS.find((shortcut) => sameKeys(shortcut.keys, [key]));
  if (single) return { command: single.command, pending: null };
  const starts = SHORTCUTS.some((shortcut) => shortcut.keys.length > 1 && shortcut.keys[0] === key);
  return { command: null, pending: starts ? { keys: [key], at } : null };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}
