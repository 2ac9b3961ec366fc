import { Routes } from '@angular/router';
import { authGuard } from './core/auth/auth-guard';

/** Every page is lazy: the initial bundle holds only the shell. Data pages need a session. */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
  {
    path: '',
    canActivateChild: [authGuard],
    children: [
      {
        path: 'dashboard',
        loadChildren: () => import('./features/dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'workers',
        loadChildren: () => import('./features/workers/workers.routes').then((m) => m.WORKERS_ROUTES),
      },
      { path: 'tasks', loadChildren: () => import('./features/tasks/tasks.routes').then((m) => m.TASKS_ROUTES) },
      {
        path: 'settings',
        title: 'Settings · CloudAI',
        loadComponent: () => import('./features/settings/settings-page').then((m) => m.SettingsPage),
      },
      { path: 'help', loadChildren: () => import('./features/help/help.routes').then((m) => m.HELP_ROUTES) },
    ],
  },
  { path: '', loadChildren: () => import('./features/auth/auth.routes').then((m) => m.AUTH_ROUTES) },
  {
    path: '**',
    title: 'Not found · CloudAI',
    loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
