import { Injectable } from '@angular/core';
import { injectPersistedValue } from '../../../shared/state/persisted-value';

export type WorkersViewMode = 'table' | 'heatmap';
export type HeatMapMetric = 'cpu' | 'memory' | 'gpu';

export interface WorkersViewPreferences {
  readonly mode: WorkersViewMode;
  readonly metric: HeatMapMetric;
}

/** How the operator likes to see workers (table or heat map, and its metric), remembered in this browser. */
@Injectable({ providedIn: 'root' })
export class WorkersViewPreferencesStore {
  private readonly preferences = injectPersistedValue<WorkersViewPreferences>({
    key: 'cloudai.workers.view',
    version: 1,
    fallback: { mode: 'table', metric: 'cpu' },
    parse: (stored) => {
      const preferences = stored as Partial<WorkersViewPreferences> | null;
      return {
        mode: preferences?.mode === 'heatmap' ? 'heatmap' : 'table',
        metric: preferences?.metric === 'memory' || preferences?.metric === 'gpu' ? preferences.metric : 'cpu',
      };
    },
  });

  /** Hot; replays the current preferences, also when another tab changes them; never completes. */
  readonly preferences$ = this.preferences.value$;

  showAs(mode: WorkersViewMode): void {
    this.preferences.update((current) => ({ ...current, mode }));
  }

  colourBy(metric: HeatMapMetric): void {
    this.preferences.update((current) => ({ ...current, metric }));
  }
}
