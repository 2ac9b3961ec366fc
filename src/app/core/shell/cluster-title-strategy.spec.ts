import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { DEFAULT_DEPLOYMENT } from '../config/deployment';
import { DEPLOYMENT } from '../config/deployment-token';
import { ClusterTitleStrategy, withCluster } from './cluster-title-strategy';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

describe('ClusterTitleStrategy', () => {
  it("puts the cluster's name before the product's, and leaves titles alone without one", () => {
    expect(withCluster('Workers · CloudAI', 'prod-eu')).toBe('Workers · prod-eu · CloudAI');
    expect(withCluster('Task task-1', 'prod-eu')).toBe('Task task-1 · prod-eu');
    expect(withCluster('Workers · CloudAI', '')).toBe('Workers · CloudAI');
    expect(withCluster('Workers · CloudAI', 'a$&b')).toBe('Workers · a$&b · CloudAI');
  });

  it('titles each page with the cluster after navigation', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'workers', component: Blank, title: 'Workers · CloudAI' }]),
        { provide: TitleStrategy, useClass: ClusterTitleStrategy },
        { provide: DEPLOYMENT, useValue: { ...DEFAULT_DEPLOYMENT, clusterName: 'prod-eu' } },
      ],
    });
    await TestBed.inject(Router).navigateByUrl('/workers');

    expect(TestBed.inject(Title).getTitle()).toBe('Workers · prod-eu · CloudAI');
  });
});
