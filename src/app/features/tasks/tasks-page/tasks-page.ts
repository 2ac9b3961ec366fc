import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../../../shared/ui/icon';
import { MatDialog } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { take } from 'rxjs';
import { POLLING_CONFIG } from '../../../core/config/polling-config';
import { PageCommands } from '../../../core/shortcuts/page-commands';
import { RowFocus } from '../../../shared/list/row-focus';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { formatAge } from '../../../shared/format/units';
import { PENDING_GROUPS, PendingGroup } from '../data/pending-reason';
import { TASK_STATUS_FILTERS, TaskFilter, TaskSortKey, TaskStatusFilter, statusOfFilter } from '../data/task-query';
import { TasksPageStore, TasksPageView } from '../data/tasks-page-store';
import { ShownTasks } from '../data/tasks-page-vm';
import { CancelTasksDialog, CancelTasksDialogData } from '../ui/cancel-tasks-dialog';
import { TasksTable } from '../ui/tasks-table';
import { DEPLOYMENT } from '../../../core/config/deployment-token';
import { ExportFormat, exportFileName } from '../../../shared/export/export-file';
import { ExportMenu } from '../../../shared/export/export-menu';
import { exportRows } from '../../../shared/export/export-rows';
import { TASK_EXPORT_FIELDS, taskExportRecord } from '../data/task-export';
import { TimeZoneStore } from '../../../shared/format/time-zone-store';

const FILTER_LABEL: Record<TaskStatusFilter, string> = {
  all: 'All',
  pending: 'Pending',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  other: 'Other',
};

const PENDING_GROUP_LABEL: Record<PendingGroup, string> = {
  never: 'Can never run',
  inactive: 'Workers inactive',
  busy: 'Waiting for room',
  ready: 'Should start',
  lost: 'May be lost',
  unknown: 'Capacity unknown',
};

@Component({
  selector: 'app-tasks-page',
  imports: [
    AsyncPipe,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    TasksTable,
    ExportMenu,
  ],
  templateUrl: './tasks-page.html',
  styleUrl: './tasks-page.scss',
  // One store per visit, which sees this page's route.
  providers: [TasksPageStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksPage {
  private readonly store = inject(TasksPageStore);
  private readonly dialog = inject(MatDialog);
  /** The zone the operator chose, for the update time's hover text. */
  protected readonly times = inject(TimeZoneStore);

  protected readonly filters = TASK_STATUS_FILTERS;
  protected readonly filterLabel = FILTER_LABEL;
  protected readonly pendingGroups = PENDING_GROUPS;
  protected readonly pendingGroupLabel = PENDING_GROUP_LABEL;
  protected readonly statusOfFilter = statusOfFilter;
  protected readonly intervals = this.store.intervalChoices;
  protected readonly age = formatAge;

  protected readonly vm$ = this.store.vm$;

  /** The row the keyboard is on (`j`, `k`, `x`, `c`, Enter). */
  protected readonly rowFocus = new RowFocus('data-task-id');
  private readonly searchField = viewChild<ElementRef<HTMLInputElement>>('searchField');
  private readonly router = inject(Router);
  private readonly clusterName = inject(DEPLOYMENT).clusterName;
  /** The interval to go back to when `p` resumes a paused list: the one it had, else the deployment's default. */
  private resumeIntervalMs = 0;
  private readonly defaultIntervalMs = inject(POLLING_CONFIG).tasksMs;

  constructor() {
    inject(PageCommands).offer(
      {
        'focus-search': () => this.searchField()?.nativeElement.focus(),
        'next-row': () => this.moveFocus(1),
        'previous-row': () => this.moveFocus(-1),
        'open-row': () => this.withRowInFocus((task) => void this.router.navigate(['/tasks', task.task_id])),
        'select-row': () => this.withRowInFocus((task) => this.toggleSelected(task.task_id)),
        'cancel-row': () => this.withRowInFocus((task) => this.cancelTask(task)),
        refresh: () => this.refresh(),
        'toggle-pause': () => this.togglePause(),
        'export-csv': () => this.exportShown('csv'),
        'export-json': () => this.exportShown('json'),
      },
      inject(DestroyRef),
    );
  }

  protected sortBy(key: TaskSortKey): void {
    this.store.sortBy(key);
  }

  protected filterByStatus(status: TaskFilter): void {
    this.store.filterBy(status);
  }

  protected clearFailureFilter(): void {
    this.store.clearFailureFilter();
  }

  protected search(text: string): void {
    this.store.search(text);
  }

  protected pollEvery(intervalMs: number): void {
    this.store.pollEvery(intervalMs);
  }

  protected refresh(): void {
    this.store.refresh();
  }

  protected holdOrderWhile(pointerInside: boolean): void {
    this.store.holdOrderWhile(pointerInside);
  }

  protected applyWaitingChanges(): void {
    this.store.applyWaitingChanges();
  }

  protected toggleSelected(taskId: string): void {
    this.store.toggleSelected(taskId);
  }

  protected selectAll(rows: readonly { task: TaskListEntry }[], select: boolean): void {
    this.store.select(select ? rows.map((row) => row.task.task_id) : []);
  }

  protected clearSelection(): void {
    this.store.select([]);
  }

  protected cancelTask(task: TaskListEntry): void {
    this.openCancelDialog([task], false);
  }

  protected cancelSelected(shown: ShownTasks, selected: ReadonlySet<string>): void {
    if (shown.vm.kind !== 'ready') return;
    const { rowsById } = shown.vm;
    const tasks = [...selected].flatMap((taskId) => rowsById.get(taskId)?.task ?? []);
    this.openCancelDialog(tasks, true);
  }

  /** Downloads exactly the rows shown (filter, search, cause and held order), named after the cluster, the filter and the time. */
  protected exportAs(format: ExportFormat, vm: TasksPageView): void {
    if (vm.shown.vm.kind !== 'ready') return;
    const { status, text } = vm.shown.vm.query;
    const filter = [status, text && `search-${text}`, vm.failure && `cause-${vm.failure.key}`]
      .filter(Boolean)
      .join('-');
    const name = exportFileName(this.clusterName, 'tasks', filter, new Date(), format);
    void exportRows(vm.shown.rows.map(taskExportRecord), TASK_EXPORT_FIELDS, format, name);
  }

  protected intervalLabel(intervalMs: number): string {
    return intervalMs === 0 ? 'Paused' : `${intervalMs / 1000} s`;
  }

  /** The list as shown now (the store replays it while the page is open), for the keyboard's commands. */
  private withShownList(
    act: (list: Extract<TasksPageView['shown']['vm'], { kind: 'ready' }>, rows: ShownTasks['rows']) => void,
  ): void {
    this.store.vm$.pipe(take(1)).subscribe(({ shown }) => {
      if (shown.vm.kind === 'ready') act(shown.vm, shown.rows);
    });
  }

  private exportShown(format: ExportFormat): void {
    this.store.vm$.pipe(take(1)).subscribe((vm) => this.exportAs(format, vm));
  }

  private moveFocus(step: 1 | -1): void {
    this.withShownList((_list, rows) =>
      this.rowFocus.move(
        rows.map((row) => row.task.task_id),
        step,
      ),
    );
  }

  private withRowInFocus(act: (task: TaskListEntry) => void): void {
    const taskId = this.rowFocus.current();
    if (taskId === null) return;
    this.withShownList((list) => {
      const row = list.rowsById.get(taskId);
      if (row) act(row.task);
    });
  }

  private togglePause(): void {
    this.withShownList(({ intervalMs }) => {
      if (intervalMs > 0) {
        this.resumeIntervalMs = intervalMs;
        this.pollEvery(0);
      } else {
        this.pollEvery(this.resumeIntervalMs || this.defaultIntervalMs);
      }
    });
  }

  private openCancelDialog(tasks: readonly TaskListEntry[], summarise: boolean): void {
    const data: CancelTasksDialogData = {
      tasks,
      summarise,
      progress$: this.store.cancelProgress$,
      cancel: (eligible) => this.store.cancel(eligible, summarise),
    };
    this.dialog.open(CancelTasksDialog, { data, autoFocus: 'dialog' });
  }
}
