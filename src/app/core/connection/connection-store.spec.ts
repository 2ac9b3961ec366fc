import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { Observable } from 'rxjs';
import { HealthClient } from '../../shared/cloudai/health-client';
import { MasterHealth } from '../../shared/cloudai/health.model';
import { marbles } from '../../testing/marbles';
import { POLLING_CONFIG } from '../config/polling-config';
import { ConnectionStore } from './connection-store';
import { MasterConnection } from './master-connection';

describe('ConnectionStore', () => {
  const healthy: MasterHealth = { status: 'healthy', time: 1, active_clients: 0, workers: 2, active_workers: 2 };

  function storeAnswering(responses: () => Observable<MasterHealth>): ConnectionStore {
    TestBed.configureTestingModule({
      providers: [
        { provide: HealthClient, useValue: { fetchHealth: responses } },
        { provide: POLLING_CONFIG, useValue: { tasksMs: 100, workersMs: 100, healthMs: 100 } },
      ],
    });
    return TestBed.inject(ConnectionStore);
  }

  it('goes from connecting to reachable, then unreachable with the time of the last contact', () => {
    marbles(({ cold, expectObservable }) => {
      const down = new HttpErrorResponse({ status: 0 });
      const answers: Observable<MasterHealth>[] = [
        cold('(h|)', { h: healthy }),
        cold<MasterHealth>('#', undefined, down),
      ];
      let call = 0;
      const store = storeAnswering(() => answers[Math.min(call++, 1)]);
      const states: Record<string, MasterConnection> = {
        c: { state: 'connecting' },
        r: { state: 'reachable', lastContact: 0 },
        u: {
          state: 'unreachable',
          lastContact: 0,
          reason: jasmine.stringContaining('could not be reached') as unknown as string,
        },
      };

      expectObservable(store.connection$, '250ms !').toBe('(cr) 96ms u', states);
    });
  });

  it('shares one health poll between all subscribers', () => {
    marbles(({ cold, expectObservable, expectSubscriptions }) => {
      const answer = cold('(h|)', { h: healthy });
      const store = storeAnswering(() => answer);

      const states: Record<string, MasterConnection> = {
        c: { state: 'connecting' },
        r: { state: 'reachable', lastContact: 0 },
      };

      expectObservable(store.connection$, '50ms !').toBe('(cr)', states);
      expectObservable(store.connection$, '50ms !').toBe('(cr)', states);
      expectSubscriptions(answer.subscriptions).toBe(['(^!)']);
    });
  });
});
