import { ErrorHandler } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { AppErrorHandler } from './app-error-handler';

describe('AppErrorHandler', () => {
  let open: jasmine.Spy;
  let handler: ErrorHandler;

  beforeEach(() => {
    open = jasmine.createSpy('open');
    TestBed.configureTestingModule({
      providers: [
        { provide: ErrorHandler, useClass: AppErrorHandler },
        { provide: MatSnackBar, useValue: { open } },
      ],
    });
    handler = TestBed.inject(ErrorHandler);
    spyOn(console, 'error');
  });

  /** The snackbar module is loaded on first use: waits until it has been asked to open `count` times. */
  async function opened(count: number): Promise<void> {
    for (let attempt = 0; attempt < 200 && open.calls.count() < count; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('logs an unexpected error and tells the operator once', async () => {
    handler.handleError(new Error('x is undefined'));
    handler.handleError(new Error('x is undefined'));
    await opened(1);

    expect(console.error).toHaveBeenCalledTimes(2);
    expect(open).toHaveBeenCalledOnceWith(jasmine.stringContaining('x is undefined'), 'Dismiss', jasmine.anything());
  });

  it('tells the operator about a different error too', async () => {
    handler.handleError(new Error('first'));
    handler.handleError('second');
    await opened(2);

    expect(open).toHaveBeenCalledTimes(2);
  });
});
