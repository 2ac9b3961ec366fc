import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { Icon } from '../../../shared/ui/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { combineLatest } from 'rxjs';
import { formatCores, formatGb, formatGpus } from '../../../shared/format/units';
import { ResourceBar } from '../../../shared/ui/resource-bar';
import { UsageChart } from '../../../shared/ui/usage-chart';
import { DashboardStore } from '../data/dashboard-store';
import { HeadroomPanel } from '../ui/headroom-panel';
import { RecentFailuresPanel } from '../ui/recent-failures-panel';
import { TimeText } from '../../../shared/ui/time-text';

@Component({
  selector: 'app-dashboard-page',
  imports: [
    AsyncPipe,
    TimeText,
    MatCardModule,
    Icon,
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    ResourceBar,
    UsageChart,
    HeadroomPanel,
    RecentFailuresPanel,
  ],
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly store = inject(DashboardStore);

  protected readonly vm$ = combineLatest({
    summary: this.store.summary$,
    throughput: this.store.throughputChart$,
    usage: this.store.clusterUsageChart$,
    headroom: this.store.headroom$,
    failures: this.store.recentFailures$,
  });
  protected readonly cores = formatCores;
  protected readonly gb = formatGb;
  protected readonly gpus = formatGpus;

  protected retry(): void {
    this.store.refresh();
  }
}
