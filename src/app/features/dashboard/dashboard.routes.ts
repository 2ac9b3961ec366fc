import { Routes } from '@angular/router';
import { TELEMETRY_EVERY_MS } from '../../core/realtime/telemetry-pace';

export const DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    title: 'Dashboard · CloudAI',
    // Sums and counts: two digests a second read as live, at a tenth of the cost of every one.
    data: { [TELEMETRY_EVERY_MS]: 500 },
    loadComponent: () => import('./dashboard-page/dashboard-page').then((m) => m.DashboardPage),
  },
];
