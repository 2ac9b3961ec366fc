import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { MatSnackBar } from '@angular/material/snack-bar';
import { NavigationEnd, Router } from '@angular/router';
import { combineLatest, filter, map, observeOn, asapScheduler, startWith, withLatestFrom } from 'rxjs';
import { ATTENTION } from '../../../core/notifications/attention';
import { NotificationSettingsStore } from '../../../core/notifications/notification-settings-store';
import { TaskCancellationsStore } from '../data/task-cancellations-store';
import { TaskWatchStore } from '../data/task-watch-store';
import { TaskFinished } from '../data/task-watch';

const SNACKBAR_MS = 10_000;

/**
 * Tells the operator, wherever they are in the app, when a watched task finishes or a cancel
 * is rolled back: a snackbar with a link, and (if they opted in) a system notification and a
 * chime. Unseen failures are counted in the tab title, e.g. "(2) Tasks · CloudAI".
 * Started once, after the first render, from its own lazy chunk.
 */
@Injectable({ providedIn: 'root' })
export class TaskNotifier {
  private readonly watchStore = inject(TaskWatchStore);
  private readonly cancellations = inject(TaskCancellationsStore);
  private readonly settings = inject(NotificationSettingsStore);
  private readonly attention = inject(ATTENTION);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    this.announceFinishedTasks();
    this.announceRolledBackCancels();
    this.countUnseenFailuresInTitle();
  }

  private announceFinishedTasks(): void {
    this.watchStore.finished$
      .pipe(withLatestFrom(this.settings.settings$), takeUntilDestroyed(this.destroyRef))
      .subscribe(([finished, settings]) => {
        const message = `Task ${finished.taskId} ${finished.status}.`;
        this.openSnackBar(message, finished);
        const kind = finished.status === 'completed' ? 'success' : 'failure';
        if (settings.sound) this.attention.chime(kind);
        if (settings.browser) {
          this.attention.notify(`Task ${finished.status}`, finished.taskId, finished.taskId, () =>
            this.open(finished.taskId),
          );
        }
      });
  }

  private announceRolledBackCancels(): void {
    this.cancellations.outcomes$
      .pipe(
        filter((outcome) => outcome.kind !== 'cancelled'),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((outcome) => {
        this.snackBar
          .open(outcome.message, 'Open', { duration: SNACKBAR_MS, politeness: 'assertive' })
          .onAction()
          .subscribe(() => this.open(outcome.taskId));
      });
  }

  /** After each navigation the router sets the page title; the count goes in front of it. */
  private countUnseenFailuresInTitle(): void {
    const navigated$ = this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      startWith(null),
      // The router sets the title right after NavigationEnd.
      observeOn(asapScheduler),
    );
    combineLatest([this.watchStore.unseenFailures$, navigated$])
      .pipe(
        map(([unseen]) => unseen),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((unseen) => {
        const base = this.document.title.replace(/^\(\d+\) /, '');
        this.title.setTitle(unseen > 0 ? `(${unseen}) ${base}` : base);
      });
  }

  private openSnackBar(message: string, finished: TaskFinished): void {
    this.snackBar
      .open(message, 'Open', {
        duration: SNACKBAR_MS,
        politeness: finished.status === 'failed' ? 'assertive' : 'polite',
      })
      .onAction()
      .subscribe(() => this.open(finished.taskId));
  }

  private open(taskId: string): void {
    void this.router.navigate(['/tasks', taskId]);
  }
}
