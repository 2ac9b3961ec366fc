import { Routes } from '@angular/router';

export const AUTH_ROUTES: Routes = [
  {
    path: 'login',
    title: 'Sign in · CloudAI',
    loadComponent: () => import('./login-page/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'register',
    title: 'Create an account · CloudAI',
    loadComponent: () => import('./register-page/register-page').then((m) => m.RegisterPage),
  },
  {
    path: 'waiting',
    title: 'Waiting for the master · CloudAI',
    loadComponent: () => import('./waiting-page/waiting-page').then((m) => m.WaitingPage),
  },
];
