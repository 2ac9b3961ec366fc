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

  it('logs an unexpected error and tells the operator once', () => {
    handler.handleError(new Error('x is undefined'));
    handler.handleError(new Error('x is undefined'));

    expect(console.error).toHaveBeenCalledTimes(2);
    expect(open).toHaveBeenCalledOnceWith(jasmine.stringContaining('x is undefined'), 'Dismiss', jasmine.anything());
  });

  it('tells the operator about a different error too', () => {
    handler.handleError(new Error('first'));
    handler.handleError('second');

    expect(open).toHaveBeenCalledTimes(2);
  });
});
