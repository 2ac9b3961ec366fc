import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { formatPercent } from '../../../shared/format/units';
import { HeatMapMetric } from '../data/workers-view-preferences';
import { WORKER_STATUS_LABEL } from './worker-status';

const METRIC_LABEL: Record<HeatMapMetric, string> = { cpu: 'CPU', memory: 'Memory', gpu: 'GPU' };

/** Keys that move the focus through the grid, as a step in cells given the number of columns. */
const GRID_STEPS: Record<string, (columns: number, count: number, index: number) => number> = {
  ArrowRight: () => 1,
  ArrowLeft: () => -1,
  ArrowDown: (columns) => columns,
  ArrowUp: (columns) => -columns,
  Home: (_columns, _count, index) => -index,
  End: (_columns, count, index) => count - 1 - index,
};

/**
 * One cell per worker, coloured by the chosen usage metric: a large cluster at a glance. The figures of
 * the cell pointed at, focused or tapped show under the grid (a tooltip would need a mouse). The grid is
 * one tab stop, arrow keys move through it and Enter opens the worker; on a touch screen the first tap
 * shows a cell's figures and a second tap opens it.
 */
@Component({
  selector: 'app-worker-heat-map',
  imports: [RouterLink],
  template: `
    <div
      class="grid"
      role="list"
      [attr.aria-label]="'Workers coloured by ' + metricLabel[metric()] + ' usage'"
      (keydown)="moveFocus($event)"
      (pointerdown)="notePointer($event)"
    >
      @for (worker of workers(); track worker.id; let index = $index) {
        @let value = usage(worker);
        <a
          role="listitem"
          class="cell"
          [class.inactive]="worker.status === 'inactive'"
          [class.inspected]="worker.id === inspected()?.id"
          [routerLink]="['/workers', worker.id]"
          [style.--load]="value === null ? 0 : value"
          [attr.data-worker-id]="worker.id"
          [attr.data-heartbeat]="worker.lastHeartbeat"
          [attr.tabindex]="worker.id === tabStopId() ? 0 : -1"
          [attr.aria-label]="describe(worker)"
          (pointerenter)="inspectUnderPointer($event, worker.id)"
          (focus)="inspect(worker.id)"
        ></a>
      }
    </div>
    <p class="readout" data-testid="heat-map-readout">
      @if (inspected(); as worker) {
        {{ describe(worker) }}
        @if (awaitingSecondTap()) {
          <span class="muted"> · tap again to open</span>
        }
      } @else {
        <span class="muted">Point at, focus or tap a cell for its figures; arrow keys move between cells.</span>
      }
    </p>
    <p class="legend" aria-hidden="true">
      <span class="swatch low"></span> 0 % <span class="swatch high"></span> 100 % · grey: inactive
    </p>
  `,
  styleUrl: './worker-heat-map.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkerHeatMap {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly workers = input.required<readonly LiveWorker[]>();
  readonly metric = input.required<HeatMapMetric>();

  protected readonly metricLabel = METRIC_LABEL;
  private readonly inspectedId = signal<string | null>(null);
  private readonly lastPointerType = signal<string>('mouse');
  /** The cell a first touch tap was held on: the next tap on it opens it. */
  private readonly tappedOnceId = signal<string | null>(null);
  /** The inspected worker as it is now: its figures stay live while it is shown. */
  protected readonly inspected = computed(() => this.workers().find((worker) => worker.id === this.inspectedId()));
  protected readonly tabStopId = computed(() => this.inspected()?.id ?? this.workers()[0]?.id);
  protected readonly awaitingSecondTap = computed(
    () => this.lastPointerType() === 'touch' && this.tappedOnceId() === this.inspectedId(),
  );

  constructor() {
    this.holdFirstTouchTap();
  }

  protected usage(worker: LiveWorker): number | null {
    const metric = this.metric();
    return metric === 'cpu' ? worker.cpuUsage : metric === 'memory' ? worker.memoryUsage : worker.gpuUsage;
  }

  protected describe(worker: LiveWorker): string {
    const tasks = worker.runningTaskCount === 1 ? '1 task' : `${worker.runningTaskCount} tasks`;
    return `${worker.id} · ${WORKER_STATUS_LABEL[worker.status]} · CPU ${formatPercent(worker.cpuUsage)} · memory ${formatPercent(worker.memoryUsage)} · GPU ${formatPercent(worker.gpuUsage)} · ${tasks}`;
  }

  protected inspect(workerId: string): void {
    this.inspectedId.set(workerId);
  }

  /** Touch pointers also enter cells; a tap is handled by its click instead. */
  protected inspectUnderPointer(event: PointerEvent, workerId: string): void {
    if (event.pointerType !== 'touch') this.inspect(workerId);
  }

  protected notePointer(event: PointerEvent): void {
    this.lastPointerType.set(event.pointerType);
  }

  protected moveFocus(event: KeyboardEvent): void {
    const step = GRID_STEPS[event.key];
    const cells = this.cells();
    const index = cells.indexOf(event.target as HTMLElement);
    if (!step || index < 0) return;
    event.preventDefault();
    const target = index + step(this.columnCount(), cells.length, index);
    cells[Math.min(cells.length - 1, Math.max(0, target))].focus();
  }

  private cells(): HTMLElement[] {
    return Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('.cell'));
  }

  private columnCount(): number {
    const grid = this.host.nativeElement.querySelector('.grid');
    const template = grid ? getComputedStyle(grid).gridTemplateColumns : '';
    return Math.max(1, template.split(' ').filter(Boolean).length);
  }

  /**
   * A touch screen has no hover: the first tap on a cell shows its figures instead of leaving the page.
   * Listening in the capture phase stops the click before the cell's link acts on it.
   */
  private holdFirstTouchTap(): void {
    const element = this.host.nativeElement;
    const holdClick = (event: MouseEvent) => {
      const cell = (event.target as HTMLElement).closest<HTMLElement>('.cell');
      const workerId = cell?.dataset['workerId'];
      if (!workerId || this.lastPointerType() !== 'touch' || workerId === this.tappedOnceId()) return;
      event.preventDefault();
      event.stopPropagation();
      this.tappedOnceId.set(workerId);
      this.inspect(workerId);
    };
    element.addEventListener('click', holdClick, { capture: true });
    inject(DestroyRef).onDestroy(() => element.removeEventListener('click', holdClick, { capture: true }));
  }
}
