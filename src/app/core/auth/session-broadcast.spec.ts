import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { SessionBroadcast } from './session-broadcast';

describe('SessionBroadcast', () => {
  let otherTab: BroadcastChannel;

  beforeEach(() => (otherTab = new BroadcastChannel('cloudai-session')));
  afterEach(() => otherTab.close());

  it('hears another tab sign in or out', async () => {
    const broadcast = TestBed.inject(SessionBroadcast);
    const heard = firstValueFrom(broadcast.changedElsewhere$);

    otherTab.postMessage('changed');

    await expectAsync(heard).toBeResolved();
  });

  it('tells the other tabs', async () => {
    const told = new Promise<unknown>((resolve) => (otherTab.onmessage = (event) => resolve(event.data)));

    TestBed.inject(SessionBroadcast).announce();

    expect(await told).toBe('changed');
  });
});
