import { Routes } from '@angular/router';

export const WORKERS_ROUTES: Routes = [
  {
    path: '',
    title: 'Workers · CloudAI',
    loadComponent: () => import('./workers-page/workers-page').then((m) => m.WorkersPage),
  },
  {
    path: ':id',
    title: 'Worker · CloudAI',
    loadComponent: () => import('./worker-detail-page/worker-detail-page').then((m) => m.WorkerDetailPage),
  },
];
