import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, provideRouter } from '@angular/router';
import { BehaviorSubject, Subject } from 'rxjs';
import { ATTENTION, Attention } from '../../../core/notifications/attention';
import {
  NotificationSettings,
  NotificationSettingsStore,
} from '../../../core/notifications/notification-settings-store';
import { CancelOutcome } from '../data/task-cancellation-model';
import { TaskCancellationsStore } from '../data/task-cancellations-store';
import { TaskFinished } from '../data/task-watch';
import { TaskWatchStore } from '../data/task-watch-store';
import { TaskNotifier } from './task-notifier';

describe('TaskNotifier', () => {
  const finished$ = new Subject<TaskFinished>();
  const outcomes$ = new Subject<CancelOutcome>();
  const unseenFailures$ = new BehaviorSubject(0);
  const settings$ = new BehaviorSubject<NotificationSettings>({ browser: false, sound: false });
  let attention: jasmine.SpyObj<Attention>;
  let snackBar: { open: jasmine.Spy };
  let action$: Subject<void>;

  beforeEach(() => {
    attention = jasmine.createSpyObj<Attention>('Attention', ['notify', 'chime', 'permission', 'requestPermission']);
    action$ = new Subject<void>();
    snackBar = { open: jasmine.createSpy('open').and.returnValue({ onAction: () => action$ }) };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: TaskWatchStore, useValue: { finished$, unseenFailures$ } },
        { provide: TaskCancellationsStore, useValue: { outcomes$ } },
        { provide: NotificationSettingsStore, useValue: { settings$ } },
        { provide: ATTENTION, useValue: attention },
        { provide: MatSnackBar, useValue: snackBar },
      ],
    });
    TestBed.inject(TaskNotifier);
  });

  it('shows a snackbar with a link when a watched task finishes, and nothing else unless opted in', () => {
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.returnValue(Promise.resolve(true));
    finished$.next({ taskId: 't1', status: 'failed' });

    expect(snackBar.open).toHaveBeenCalledWith(
      'Task t1 failed.',
      'Open',
      jasmine.objectContaining({ politeness: 'assertive' }),
    );
    expect(attention.chime).not.toHaveBeenCalled();
    expect(attention.notify).not.toHaveBeenCalled();
    action$.next();
    expect(navigate).toHaveBeenCalledWith(['/tasks', 't1']);
  });

  it('adds the chime and the system notification when the operator opted in', () => {
    settings$.next({ browser: true, sound: true });
    finished$.next({ taskId: 't2', status: 'completed' });

    expect(attention.chime).toHaveBeenCalledWith('success');
    expect(attention.notify).toHaveBeenCalledWith('Task completed', 't2', 't2', jasmine.any(Function));
    settings$.next({ browser: false, sound: false });
  });

  it('says why a cancel was rolled back', () => {
    outcomes$.next({ taskId: 't3', kind: 'rolled-back', message: 'Cancelling t3 failed: boom' });
    outcomes$.next({ taskId: 't4', kind: 'cancelled', message: 'Task t4 was cancelled.' });

    expect(snackBar.open).toHaveBeenCalledOnceWith('Cancelling t3 failed: boom', 'Open', jasmine.any(Object));
  });

  it('counts unseen failures in the tab title', async () => {
    const title = TestBed.inject(Title);
    title.setTitle('Tasks · CloudAI');
    unseenFailures$.next(2);
    await Promise.resolve();
    expect(title.getTitle()).toBe('(2) Tasks · CloudAI');

    unseenFailures$.next(0);
    expect(title.getTitle()).toBe('Tasks · CloudAI');
  });
});
