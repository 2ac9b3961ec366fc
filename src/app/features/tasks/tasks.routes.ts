import { Routes } from '@angular/router';
import { TELEMETRY_EVERY_MS } from '../../core/realtime/telemetry-pace';

/** The task pages read telemetry (where tasks run, placement) once a second: a digest a second is enough. */
const ONCE_A_SECOND = { [TELEMETRY_EVERY_MS]: 1000 };

export const TASKS_ROUTES: Routes = [
  {
    path: '',
    title: 'Tasks · CloudAI',
    data: ONCE_A_SECOND,
    loadComponent: () => import('./tasks-page/tasks-page').then((m) => m.TasksPage),
  },
  {
    path: 'new',
    title: 'Submit task · CloudAI',
    data: ONCE_A_SECOND,
    loadComponent: () => import('./submit-task-page/submit-task-page').then((m) => m.SubmitTaskPage),
  },
  {
    path: ':id',
    title: 'Task · CloudAI',
    data: ONCE_A_SECOND,
    loadComponent: () => import('./task-detail-page/task-detail-page').then((m) => m.TaskDetailPage),
  },
];
