import { Routes } from '@angular/router';

export const HELP_ROUTES: Routes = [
  { path: '', title: 'Help · CloudAI', loadComponent: () => import('./help-page').then((m) => m.HelpPage) },
  {
    path: 'guide',
    title: 'Guide · CloudAI',
    loadComponent: () => import('./guide/guide-page').then((m) => m.GuidePage),
  },
  {
    path: 'guide/:doc',
    title: 'Guide · CloudAI',
    loadComponent: () => import('./guide/guide-page').then((m) => m.GuidePage),
  },
];
