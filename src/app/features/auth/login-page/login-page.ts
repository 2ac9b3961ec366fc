import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PagePlaceholder } from '../../../shared/ui/page-placeholder';

@Component({
  selector: 'app-login-page',
  imports: [PagePlaceholder],
  template: `<app-page-placeholder heading="Sign in" icon="login"
    >Sign-in with the master's cookie session is being built. Every page is open until then, as it is on the master
    itself.</app-page-placeholder
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {}
