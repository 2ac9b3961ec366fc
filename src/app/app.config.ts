import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  ErrorHandler,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { AuthStore } from './core/auth/auth-store';
import { sessionInterceptor } from './core/auth/session-interceptor';
import { AppErrorHandler } from './core/errors/app-error-handler';
import { timeoutInterceptor } from './core/http/timeout-interceptor';
import { ThemeStore } from './core/theme/theme-store';
import { DATA_WORKER, connectDataWorker } from './core/data-worker/data-worker';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    { provide: ErrorHandler, useClass: AppErrorHandler },
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([sessionInterceptor, timeoutInterceptor])),
    // Live data is fetched and compared in a worker shared by every tab of this browser, where there is one.
    { provide: DATA_WORKER, useFactory: connectDataWorker },
    // Apply the remembered light/dark choice before the first render, so the page never flashes.
    provideAppInitializer(() => void inject(ThemeStore)),
    // Ask the master about the session at once; live data waits for the answer.
    provideAppInitializer(() => void inject(AuthStore)),
  ],
};
