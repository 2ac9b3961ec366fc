import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PagePlaceholder } from '../../../shared/ui/page-placeholder';

@Component({
  selector: 'app-register-page',
  imports: [PagePlaceholder],
  template: `<app-page-placeholder heading="Create an account" icon="person_add"
    >Registration is being built.</app-page-placeholder
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterPage {}
