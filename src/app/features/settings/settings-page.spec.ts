import { TestBed } from '@angular/core/testing';
import { ATTENTION, Attention, NotificationPermissionState } from '../../core/notifications/attention';
import { NotificationSettingsStore } from '../../core/notifications/notification-settings-store';
import { SettingsPage } from './settings-page';

describe('SettingsPage', () => {
  afterEach(() => localStorage.removeItem('cloudai.notifications'));

  async function render(permission: NotificationPermissionState, answer: NotificationPermissionState = permission) {
    const attention = jasmine.createSpyObj<Attention>('Attention', [
      'permission',
      'requestPermission',
      'notify',
      'chime',
    ]);
    attention.permission.and.returnValue(permission);
    attention.requestPermission.and.resolveTo(answer);
    TestBed.configureTestingModule({
      imports: [SettingsPage],
      providers: [{ provide: ATTENTION, useValue: attention }],
    });
    const fixture = TestBed.createComponent(SettingsPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const toggle = (name: string) =>
      Array.from(element.querySelectorAll<HTMLButtonElement>('button[role="switch"]')).find((button) =>
        button.closest('mat-slide-toggle')?.textContent?.includes(name),
      )!;
    return { fixture, element, attention, toggle, store: TestBed.inject(NotificationSettingsStore) };
  }

  it('has both off by default', async () => {
    const { toggle } = await render('default');

    expect(toggle('System notifications').getAttribute('aria-checked')).toBe('false');
    expect(toggle('Sound').getAttribute('aria-checked')).toBe('false');
  });

  it('asks the browser before turning system notifications on, and stays off when refused', async () => {
    const { fixture, element, attention, toggle, store } = await render('default', 'denied');
    let saved = { browser: true, sound: true };
    store.settings$.subscribe((settings) => (saved = settings));

    toggle('System notifications').click();
    await fixture.whenStable();
    await fixture.whenStable();

    expect(attention.requestPermission).toHaveBeenCalled();
    expect(saved.browser).toBeFalse();
    expect(element.textContent).toContain('This browser blocks notifications');
  });

  it('plays the chime once when sound is turned on, and remembers it', async () => {
    const { fixture, attention, toggle, store } = await render('granted');
    let saved = { browser: false, sound: false };
    store.settings$.subscribe((settings) => (saved = settings));

    toggle('Sound').click();
    await fixture.whenStable();

    expect(attention.chime).toHaveBeenCalledOnceWith('success');
    expect(saved.sound).toBeTrue();
    expect(JSON.parse(localStorage.getItem('cloudai.notifications') ?? '{}').value.sound).toBeTrue();
  });
});
