import { InjectionToken, inject } from '@angular/core';
import { DEPLOYMENT } from './deployment-token';
import { RealtimeConfig, realtimeConfigFor } from './realtime-defaults';

export type { RealtimeConfig } from './realtime-defaults';

export const REALTIME_CONFIG = new InjectionToken<RealtimeConfig>('REALTIME_CONFIG', {
  providedIn: 'root',
  factory: () => realtimeConfigFor(inject(DEPLOYMENT)),
});
