import {
  ApplicationConfig,
  ErrorHandler,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { AuthStore } from './core/auth/auth-store';
import { SessionSignals } from './core/auth/session-signals';
import { AppErrorHandler } from './core/errors/app-error-handler';
import { ClusterTitleStrategy } from './core/shell/cluster-title-strategy';
import { ON_UNAUTHORIZED } from './shared/http/master-http';
import { ThemeStore } from './core/theme/theme-store';
import { USE_DATA_WORKER } from './core/data-worker/use-data-worker';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    { provide: ErrorHandler, useClass: AppErrorHandler },
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: ClusterTitleStrategy },
    // A 401 to any request means the session ended: the session store checks it at once.
    {
      provide: ON_UNAUTHORIZED,
      useFactory: () => {
        const signals = inject(SessionSignals);
        return () => signals.reportUnauthorized();
      },
    },
    // Live data is fetched and compared in a worker shared by every tab of this browser, where there is one.
    { provide: USE_DATA_WORKER, useValue: true },
    // Apply the remembered light/dark choice before the first render, so the page never flashes.
    provideAppInitializer(() => void inject(ThemeStore)),
    // Ask the master about the session at once; live data waits for the answer.
    provideAppInitializer(() => void inject(AuthStore)),
  ],
};
