import { Routes } from '@angular/router';

export const TASKS_ROUTES: Routes = [
  {
    path: '',
    title: 'Tasks · CloudAI',
    loadComponent: () => import('./tasks-page/tasks-page').then((m) => m.TasksPage),
  },
  {
    path: 'new',
    title: 'Submit task · CloudAI',
    loadComponent: () => import('./submit-task-page/submit-task-page').then((m) => m.SubmitTaskPage),
  },
  {
    path: ':id',
    title: 'Task · CloudAI',
    loadComponent: () => import('./task-detail-page/task-detail-page').then((m) => m.TaskDetailPage),
  },
];
