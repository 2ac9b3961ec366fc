import { ChangeDetectionStrategy, Component, Injector, afterNextRender, inject } from '@angular/core';
import { Shell } from './core/shell/shell';

@Component({
  selector: 'app-root',
  imports: [Shell],
  template: '<app-shell />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  constructor() {
    this.startTaskNotifications();
  }

  /** Task notifications work on every page, but load after the first render so the shell stays small. */
  private startTaskNotifications(): void {
    const injector = inject(Injector);
    afterNextRender(() => {
      void import('./features/tasks/notifications/task-notifier').then(({ TaskNotifier }) =>
        injector.get(TaskNotifier),
      );
    });
  }
}
