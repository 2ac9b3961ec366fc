import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { PagePlaceholder } from '../../../shared/ui/page-placeholder';

@Component({
  selector: 'app-task-detail-page',
  imports: [PagePlaceholder],
  template: `<app-page-placeholder heading="Task" icon="description"
    >Details and streaming logs of task <span class="mono">{{ id() }}</span> are being built.</app-page-placeholder
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskDetailPage {
  /** Route parameter, bound by the router. */
  readonly id = input.required<string>();
}
