import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PagePlaceholder } from '../../../shared/ui/page-placeholder';

@Component({
  selector: 'app-tasks-page',
  imports: [PagePlaceholder],
  template: `<app-page-placeholder heading="Tasks" icon="assignment"
    >The live task list with filters, logs and cancel is being built. The dashboard already counts the master's tasks by
    status.</app-page-placeholder
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksPage {}
