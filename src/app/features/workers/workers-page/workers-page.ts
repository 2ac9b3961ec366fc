import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PagePlaceholder } from '../../../shared/ui/page-placeholder';

@Component({
  selector: 'app-workers-page',
  imports: [PagePlaceholder],
  template: `<app-page-placeholder heading="Workers" icon="dns"
    >The live worker table — usage, capacity, heartbeats — is being built. The dashboard already counts the master's
    workers.</app-page-placeholder
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkersPage {}
