import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { combineLatest, map } from 'rxjs';
import { DEPLOYMENT } from '../../core/config/deployment-token';
import { toConnectionLabel } from '../../core/connection/connection-label';
import { LiveConnection } from '../../core/realtime/live-connection';
import { ShortcutList } from '../../core/shortcuts/shortcut-list';
import { TimeZoneStore } from '../../shared/format/time-zone-store';
import { guideHref } from './guide/guide-documents';
import { GUIDE_SECTIONS } from './guide/guide-sections';

/**
 * What an operator asks when something looks wrong: which dashboard, against which master, is
 * the connection up, which keys do what, and where the guide explains the rest.
 */
@Component({
  selector: 'app-help-page',
  imports: [AsyncPipe, RouterLink, ShortcutList],
  templateUrl: './help-page.html',
  styleUrl: './help-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HelpPage {
  private readonly liveConnection = inject(LiveConnection);
  private readonly zones = inject(TimeZoneStore);
  protected readonly deployment = inject(DEPLOYMENT);
  protected readonly sections = GUIDE_SECTIONS.map((section) => ({
    ...section,
    path: `/${guideHref(section.document)}`,
    fragment: section.anchor || undefined,
  }));

  protected readonly connection$ = combineLatest([
    this.liveConnection.connection$,
    this.liveConnection.malformedCount$,
  ]).pipe(map(([state, malformed]) => ({ state, malformed })));

  protected label(state: Parameters<typeof toConnectionLabel>[0]) {
    return toConnectionLabel(state, (epochMs) => this.zones.format(epochMs));
  }

  protected seconds(ms: number): string {
    return `${Math.round(ms / 100) / 10} s`;
  }
}
