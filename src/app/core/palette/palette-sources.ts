import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { Observable, combineLatest, distinctUntilChanged, map, startWith } from 'rxjs';
import { TaskListEntry } from '../../shared/cloudai/task.model';
import { TimeZoneStore } from '../../shared/format/time-zone-store';
import { dataOf } from '../../shared/streams/load-state';
import { AuthStore } from '../auth/auth-store';
import { LiveWorker } from '../realtime/live-worker';
import { LiveWorkersStore } from '../realtime/live-workers-store';
import { NAV_ITEMS } from '../shell/nav-items';
import { PageCommands } from '../shortcuts/page-commands';
import { PageCommand } from '../shortcuts/shortcuts';
import { ShortcutSheet } from '../shortcuts/shortcut-sheet';
import { TaskListSource } from '../task-list/task-list-source';
import { ThemePreference, ThemeStore } from '../theme/theme-store';
import { PaletteItem } from './palette-item';

/** What the palette searches: `null` entries while their list has not arrived yet. */
export interface PaletteEntries {
  readonly commands: readonly PaletteItem[];
  readonly tasks: readonly PaletteItem[] | null;
  readonly workers: readonly PaletteItem[] | null;
}

/** An action's name, and the other words it is found by. */
interface ActionText {
  readonly label: string;
  readonly keywords: string;
}

const THEME_ACTION: Record<ThemePreference, ActionText> = {
  light: { label: 'Use the light theme', keywords: 'colour scheme appearance' },
  dark: { label: 'Use the dark theme', keywords: 'colour scheme appearance night' },
  system: { label: "Follow the system's light or dark setting", keywords: 'theme colour scheme appearance' },
};

/** The current page's commands the palette offers, when the page does. */
const PAGE_ACTIONS: readonly (ActionText & { readonly command: PageCommand })[] = [
  { command: 'focus-search', label: 'Search this list', keywords: 'filter find' },
  { command: 'refresh', label: 'Refresh this list now', keywords: 'reload update' },
  { command: 'toggle-pause', label: 'Pause or resume updates of the task list', keywords: 'auto-update stop freeze' },
  { command: 'export-csv', label: 'Export the list shown as CSV', keywords: 'download spreadsheet' },
  { command: 'export-json', label: 'Export the list shown as JSON', keywords: 'download' },
];

/**
 * Everything the command palette can jump to or do: the pages, the actions of the app and of the
 * current page, and every task and worker the master lists (read from the shared task poll and
 * the live workers, so opening the palette asks the master for nothing new).
 */
@Injectable({ providedIn: 'root' })
export class PaletteSources {
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly themeStore = inject(ThemeStore);
  private readonly zones = inject(TimeZoneStore);
  private readonly pageCommands = inject(PageCommands);
  private readonly authStore = inject(AuthStore);
  private readonly taskList = inject(TaskListSource);
  private readonly liveWorkers = inject(LiveWorkersStore);

  /**
   * The entries of the last lists, by id: a task or worker that did not change keeps its entry, so a
   * poll of 10,000 tasks makes new entries only for the few that changed. Only the last lists are
   * kept, also between openings of the palette.
   */
  private taskItems = new Map<string, PaletteItem>();
  private workerItems = new Map<string, PaletteItem>();

  private readonly tasks$: Observable<readonly PaletteItem[] | null> = this.taskList.poll$.pipe(
    map((state) => dataOf(state) ?? null),
    distinctUntilChanged(),
    map((tasks) => {
      if (!tasks) return null;
      const items = new Map<string, PaletteItem>();
      const list = tasks.map((task) => this.taskItem(task, items));
      this.taskItems = items;
      return list;
    }),
  );

  /** Workers change status and address rarely, and report usage many times a second: the palette needs only the former. */
  private readonly workers$: Observable<readonly PaletteItem[] | null> = this.liveWorkers.workersEachSecond$.pipe(
    distinctUntilChanged(sameWorkerNames),
    map((workers) => {
      if (!workers) return null;
      const items = new Map<string, PaletteItem>();
      const list = workers.map((worker) => this.workerItem(worker, items));
      this.workerItems = items;
      return list;
    }),
  );

  /** Hot while subscribed; the commands are read as the palette opens (they depend on the page shown). */
  readonly entries$: Observable<PaletteEntries> = combineLatest({
    commands: combineLatest([this.themeStore.preference$, this.authStore.state$]).pipe(
      map(([theme, auth]) => [...this.pages(), ...this.actions(theme, auth.kind === 'signed-in')]),
    ),
    tasks: this.tasks$.pipe(startWith(null)),
    workers: this.workers$.pipe(startWith(null)),
  });

  private pages(): PaletteItem[] {
    const pages = [
      ...NAV_ITEMS.map((item) => ({ path: item.path, label: item.label })),
      { path: '/help/guide', label: 'Guide' },
    ];
    return pages.map(({ path, label }) => ({
      key: `page:${path}`,
      kind: 'page',
      label,
      keywords: `page ${path}`,
      detail: '',
      run: () => void this.router.navigateByUrl(path),
    }));
  }

  private actions(theme: ThemePreference, signedIn: boolean): PaletteItem[] {
    const actions: PaletteItem[] = [];
    for (const preference of ['light', 'dark', 'system'] as const) {
      if (preference === theme) continue;
      actions.push(
        this.action(`theme-${preference}`, THEME_ACTION[preference], () => this.themeStore.choose(preference)),
      );
    }
    const utc = this.zones.zone() === 'utc';
    actions.push(
      this.action(
        utc ? 'time-local' : 'time-utc',
        { label: utc ? 'Show times in local time' : 'Show times in UTC', keywords: 'time zone clock' },
        () => this.zones.choose(utc ? 'local' : 'utc'),
      ),
    );
    for (const { command, ...text } of PAGE_ACTIONS) {
      if (this.pageCommands.offers(command)) {
        actions.push(this.action(command, text, () => this.pageCommands.run(command)));
      }
    }
    actions.push(
      this.action('shortcuts', { label: 'Show the keyboard shortcuts', keywords: 'keys help' }, () =>
        this.dialog.open(ShortcutSheet, { autoFocus: 'dialog', width: '560px' }),
      ),
    );
    if (signedIn) {
      actions.push(
        this.action('sign-out', { label: 'Sign out', keywords: 'log out leave' }, () => this.authStore.signOut()),
      );
    }
    return actions;
  }

  private action(name: string, text: ActionText, run: () => void): PaletteItem {
    return { key: `action:${name}`, kind: 'action', ...text, detail: '', run };
  }

  /** The task's entry, the last list's while its image and status are the same; kept in `items`. */
  private taskItem(task: TaskListEntry, items: Map<string, PaletteItem>): PaletteItem {
    const detail = `${task.docker_image} · ${task.status || 'no status'}`;
    const kept = this.taskItems.get(task.task_id);
    const item: PaletteItem =
      kept?.detail === detail
        ? kept
        : {
            key: `task:${task.task_id}`,
            kind: 'task',
            label: task.task_id,
            keywords: task.docker_image,
            detail,
            run: () => void this.router.navigate(['/tasks', task.task_id]),
          };
    items.set(task.task_id, item);
    return item;
  }

  /** The worker's entry, the last list's while its address and status are the same; kept in `items`. */
  private workerItem(worker: LiveWorker, items: Map<string, PaletteItem>): PaletteItem {
    const detail = `${worker.address ?? 'no address'} · ${worker.status}`;
    const kept = this.workerItems.get(worker.id);
    const item: PaletteItem =
      kept?.detail === detail
        ? kept
        : {
            key: `worker:${worker.id}`,
            kind: 'worker',
            label: worker.id,
            keywords: worker.address ?? '',
            detail,
            run: () => void this.router.navigate(['/workers', worker.id]),
          };
    items.set(worker.id, item);
    return item;
  }
}

/** Every entry: the commands, then the tasks and workers listed so far. */
export function itemsOf(entries: PaletteEntries): PaletteItem[] {
  return [...entries.commands, ...(entries.tasks ?? []), ...(entries.workers ?? [])];
}

/** The same workers, addresses and statuses, in the same order. */
function sameWorkerNames(a: readonly LiveWorker[] | null, b: readonly LiveWorker[] | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  return a.every(
    (worker, index) =>
      worker.id === b[index].id && worker.address === b[index].address && worker.status === b[index].status,
  );
}
