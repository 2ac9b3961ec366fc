import { InjectionToken } from '@angular/core';
import { Deployment, currentDeployment } from './deployment';

/** This deployment's settings (see `Deployment`); tests provide their own. */
export const DEPLOYMENT = new InjectionToken<Deployment>('DEPLOYMENT', {
  providedIn: 'root',
  factory: currentDeployment,
});
