import { AsyncPipe, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatDialog } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  BehaviorSubject,
  Observable,
  combineLatest,
  distinctUntilChanged,
  map,
  scan,
} from 'rxjs';
import { CLOCK } from '../../../core/realtime/browser-signals';
import { MasterClock } from '../../../core/realtime/master-clock';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { formatAge } from '../../../shared/format/units';
import { injectUrlListQuery } from '../../../shared/list/url-list-query';
import { TASK_QUERY_SPEC, TASK_STATUS_FILTERS, TaskSortKey, TaskStatusFilter } from '../data/task-query';
import { TaskCancellationsStore } from '../data/task-cancellations-store';
import { ShownTasks, toShownTasks, toTasksPageVm } from '../data/tasks-page-vm';
import { TASK_POLL_INTERVALS, TasksStore } from '../data/tasks-store';
import { CancelProgress, CancelTasksDialog, CancelTasksDialogData } from '../ui/cancel-tasks-dialog';
import { TasksTable } from '../ui/tasks-table';

const FILTER_LABEL: Record<TaskStatusFilter, string> = {
  all: 'All',
  pending: 'Pending',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  other: 'Other',
};

@Component({
  selector: 'app-tasks-page',
  imports: [
    AsyncPipe,
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TasksTable,
  ],
  templateUrl: './tasks-page.html',
  styleUrl: './tasks-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksPage {
  private readonly store = inject(TasksStore);
  private readonly listQuery = injectUrlListQuery(TASK_QUERY_SPEC);
  private readonly cancellations = inject(TaskCancellationsStore);
  private readonly dialog = inject(MatDialog);
  private readonly pointerInside = new BehaviorSubject(false);
  private readonly selection = new BehaviorSubject<ReadonlySet<string>>(new Set());
  private readonly applies = new BehaviorSubject(0);

  protected readonly filters = TASK_STATUS_FILTERS;
  protected readonly filterLabel = FILTER_LABEL;
  protected readonly intervals = TASK_POLL_INTERVALS;
  protected readonly age = formatAge;

  /** Rows keep their order while the pointer is over them or some are selected, so nothing jumps under a click. */
  private readonly holding$ = combineLatest([this.pointerInside, this.selection]).pipe(
    map(([inside, selected]) => inside || selected.size > 0),
    distinctUntilChanged(),
  );

  private readonly shown$: Observable<ShownTasks> = combineLatest({
    list: combineLatest({
      poll: this.store.listPoll$,
      runningOn: this.store.runningOn$,
      query: this.listQuery.query$,
      intervalMs: this.store.intervalMs$,
      cancelling: this.cancellations.pending$,
    }).pipe(map(toTasksPageVm)),
    holding: this.holding$,
    applied: this.applies,
  }).pipe(
    scan(
      (previous: ShownTasks | null, { list, holding, applied }) => toShownTasks(previous, list, holding, applied),
      null,
    ),
    map((shown) => shown as ShownTasks),
  );

  protected readonly vm$ = combineLatest({
    shown: this.shown$,
    selected: this.selection,
    now: inject(CLOCK),
    /** Task creation times are the master's: their ages use its clock. */
    masterNow: inject(MasterClock).now$,
  });

  protected sortBy(key: TaskSortKey): void {
    this.listQuery.sortBy(key);
  }

  protected filterByStatus(status: TaskStatusFilter): void {
    this.listQuery.filterBy(status);
  }

  protected holdOrderWhile(pointerInside: boolean): void {
    this.pointerInside.next(pointerInside);
  }

  protected applyWaitingChanges(): void {
    this.applies.next(this.applies.value + 1);
  }

  protected toggleSelected(taskId: string): void {
    const next = new Set(this.selection.value);
    if (!next.delete(taskId)) next.add(taskId);
    this.selection.next(next);
  }

  protected selectAll(rows: readonly { task: TaskListEntry }[], select: boolean): void {
    this.selection.next(new Set(select ? rows.map((row) => row.task.task_id) : []));
  }

  protected clearSelection(): void {
    this.selection.next(new Set());
  }

  protected cancelTask(task: TaskListEntry): void {
    this.openCancelDialog([task], false);
  }

  protected cancelSelected(shown: ShownTasks, selected: ReadonlySet<string>): void {
    if (shown.vm.state !== 'ready') return;
    const { rowsById } = shown.vm;
    const tasks = [...selected].flatMap((taskId) => rowsById.get(taskId)?.task ?? []);
    this.openCancelDialog(tasks, true);
  }

  protected search(text: string): void {
    this.listQuery.search(text);
  }

  protected pollEvery(intervalMs: number): void {
    this.store.pollEvery(intervalMs);
  }

  protected refresh(): void {
    this.store.refresh();
  }

  protected intervalLabel(intervalMs: number): string {
    return intervalMs === 0 ? 'Paused' : `${intervalMs / 1000} s`;
  }

  private openCancelDialog(tasks: readonly TaskListEntry[], summarise: boolean): void {
    const data: CancelTasksDialogData = {
      tasks,
      summarise,
      progress$: this.cancelProgress$(),
      cancel: (eligible) => {
        eligible.forEach((task) => this.cancellations.cancel(task));
        if (summarise) this.clearSelection();
      },
    };
    this.dialog.open(CancelTasksDialog, { data, autoFocus: 'dialog' });
  }

  private cancelProgress$(): Observable<ReadonlyMap<string, CancelProgress>> {
    return combineLatest([this.cancellations.pending$, this.cancellations.settled$]).pipe(
      map(([pending, settled]) => {
        const progress = new Map<string, CancelProgress>(settled);
        for (const taskId of pending.keys()) progress.set(taskId, { kind: 'cancelling' });
        return progress as ReadonlyMap<string, CancelProgress>;
      }),
    );
  }
}
