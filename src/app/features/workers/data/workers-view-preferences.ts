import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import { BehaviorSubject } from 'rxjs';

export type WorkersViewMode = 'table' | 'heatmap';
export type HeatMapMetric = 'cpu' | 'memory' | 'gpu';

export interface WorkersViewPreferences {
  readonly mode: WorkersViewMode;
  readonly metric: HeatMapMetric;
}

const STORAGE_KEY = 'cloudai.workers.view';
const DEFAULTS: WorkersViewPreferences = { mode: 'table', metric: 'cpu' };

/** How the operator likes to see workers (table or heat map, and its metric), remembered in this browser. */
@Injectable({ providedIn: 'root' })
export class WorkersViewPreferencesStore {
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage;
  private readonly preferences = new BehaviorSubject<WorkersViewPreferences>(this.read());

  /** Hot; replays the current preferences; never completes. */
  readonly preferences$ = this.preferences.asObservable();

  showAs(mode: WorkersViewMode): void {
    this.save({ ...this.preferences.value, mode });
  }

  colourBy(metric: HeatMapMetric): void {
    this.save({ ...this.preferences.value, metric });
  }

  private save(preferences: WorkersViewPreferences): void {
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(preferences));
    this.preferences.next(preferences);
  }

  private read(): WorkersViewPreferences {
    try {
      const stored = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? '{}') as Partial<WorkersViewPreferences>;
      return {
        mode: stored.mode === 'heatmap' ? 'heatmap' : 'table',
        metric: stored.metric === 'memory' || stored.metric === 'gpu' ? stored.metric : 'cpu',
      };
    } catch {
      return DEFAULTS;
    }
  }
}
