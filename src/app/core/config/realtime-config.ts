import { InjectionToken } from '@angular/core';
import { DEFAULT_REALTIME_CONFIG, RealtimeConfig } from './realtime-defaults';

export type { RealtimeConfig } from './realtime-defaults';

export const REALTIME_CONFIG = new InjectionToken<RealtimeConfig>('REALTIME_CONFIG', {
  providedIn: 'root',
  factory: () => DEFAULT_REALTIME_CONFIG,
});
