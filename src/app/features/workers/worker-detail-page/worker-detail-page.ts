import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { PagePlaceholder } from '../../../shared/ui/page-placeholder';

@Component({
  selector: 'app-worker-detail-page',
  imports: [PagePlaceholder],
  template: `<app-page-placeholder heading="Worker" icon="memory"
    >Details of worker <span class="mono">{{ id() }}</span> — live charts and task history — are being
    built.</app-page-placeholder
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkerDetailPage {
  /** Route parameter, bound by the router. */
  readonly id = input.required<string>();
}
