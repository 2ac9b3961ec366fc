import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PagePlaceholder } from '../../../shared/ui/page-placeholder';

@Component({
  selector: 'app-submit-task-page',
  imports: [PagePlaceholder],
  template: `<app-page-placeholder heading="Submit task" icon="add_circle"
    >The task submission form is being built.</app-page-placeholder
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubmitTaskPage {}
