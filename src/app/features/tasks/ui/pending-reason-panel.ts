import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { RESOURCES, requirementsOf } from '../../../shared/cloudai/resource-fit';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { ResourceAmounts } from '../../../shared/cloudai/worker.model';
import { formatAge } from '../../../shared/format/units';
import { TimeText } from '../../../shared/ui/time-text';
import {
  LOST_AFTER_MS,
  MASTER_SCAN_MS,
  PendingReason,
  describeFitting,
  describePendingReason,
  waitsForever,
} from '../data/pending-reason';
import { RESOURCE_LABEL, formatResourceFigure } from '../../../shared/format/resource-amount';

interface RequirementLine {
  readonly label: string;
  readonly required: string;
  readonly free: string | null;
  readonly capacity: string | null;
  /** The best worker falls short of this requirement (by free room, or by capacity for a task that never fits). */
  readonly short: boolean;
}

/** On a pending task's page: why it has not started, each requirement against the worker closest to taking it. */
@Component({
  selector: 'app-pending-reason-panel',
  imports: [RouterLink, TimeText],
  template: `
    @let r = reason();
    <section
      class="panel"
      [class.warning]="warns()"
      aria-labelledby="why-pending-title"
      data-testid="why-pending-panel"
    >
      <h2 id="why-pending-title">Why it has not started</h2>
      <p class="headline">{{ headline() }}</p>
      @if (best(); as best) {
        <table>
          <caption>
            Each requirement against
            <a class="mono" [routerLink]="['/workers', best]">{{ best }}</a>
            {{
              bestRole()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Asks for</th>
              <th scope="col">Free on {{ best }}</th>
              <th scope="col">Capacity of {{ best }}</th>
            </tr>
          </thead>
          <tbody>
            @for (line of lines(); track line.label) {
              <tr [class.short]="line.short">
                <th scope="row">{{ line.label }}</th>
                <td>{{ line.required }}</td>
                <td>{{ line.free ?? 'unknown' }}</td>
                <td>{{ line.capacity ?? 'unknown' }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
      @switch (r.kind) {
        @case ('never') {
          <p class="muted">
            The master accepts such a task and keeps it pending for good. Submit it again with amounts a worker has (<em
              >Run again</em
            >
            fills the form in).
          </p>
        }
        @case ('busy') {
          <p class="muted">
            Workers large enough: {{ fitting() }}. It starts when running work frees enough room on one of them.
          </p>
        }
        @case ('inactive') {
          <p class="muted">
            Only these workers are large enough, and the master has had no heartbeat from them for 30 s:
            {{ fitting() }}.
          </p>
        }
        @case ('ready') {
          <p class="muted">
            First seen fitting <app-time-text [at]="r.since" format="time" /> ({{ age(r.since, now()) }}). The master
            looks at its queue every {{ scanSeconds }} s.
          </p>
        }
        @case ('lost') {
          <p>
            It has fitted since <app-time-text [at]="r.since" format="time" /> ({{ age(r.since, now()) }}), more than
            {{ lostSeconds }} s, and the master looks at its queue every {{ scanSeconds }} s. The master keeps that
            queue in memory only: after it restarts, tasks that were pending are never queued again. Cancelling a
            pending task does nothing on the real master; <em>Run again</em> submits a copy that will be placed.
          </p>
        }
      }
    </section>
  `,
  styles: `
    .panel {
      margin: 16px 0;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .panel.warning .headline {
      color: var(--app-warn);
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .headline {
      margin: 0 0 8px;
    }
    table {
      border-collapse: collapse;
      margin-bottom: 8px;
    }
    caption {
      text-align: start;
      padding-bottom: 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    th,
    td {
      text-align: start;
      padding: 2px 16px 2px 0;
      font-variant-numeric: tabular-nums;
    }
    tr.short td {
      color: var(--app-warn);
      font-weight: 500;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PendingReasonPanel {
  readonly reason = input.required<PendingReason>();
  readonly task = input.required<TaskListEntry>();
  /** Browser time, in which the reason's times are. */
  readonly now = input.required<number>();

  protected readonly age = formatAge;
  protected readonly scanSeconds = MASTER_SCAN_MS / 1000;
  protected readonly lostSeconds = LOST_AFTER_MS / 1000;

  protected readonly headline = computed(() => {
    const line = describePendingReason(this.reason());
    return line.charAt(0).toUpperCase() + line.slice(1) + '.';
  });
  protected readonly warns = computed(() => waitsForever(this.reason()));
  protected readonly fitting = computed(() => {
    const reason = this.reason();
    return 'fitting' in reason ? describeFitting(reason.fitting) : '';
  });
  protected readonly best = computed(() => {
    const reason = this.reason();
    return 'best' in reason && reason.best ? reason.best.id : null;
  });
  protected readonly bestRole = computed(() => {
    switch (this.reason().kind) {
      case 'ready':
      case 'lost':
        return ', the worker the master would pick:';
      case 'never':
        return ', the worker that comes closest:';
      default:
        return ', the worker closest to taking it:';
    }
  });
  protected readonly lines = computed((): RequirementLine[] => {
    const reason = this.reason();
    const best = 'best' in reason ? reason.best : null;
    const required = requirementsOf(this.task());
    const against: ResourceAmounts | null =
      reason.kind === 'never' ? (best?.capacity ?? null) : (best?.available ?? null);
    return RESOURCES.map((resource) => ({
      label: RESOURCE_LABEL[resource],
      required: formatResourceFigure(resource, required[resource]),
      free: best?.available ? formatResourceFigure(resource, best.available[resource]) : null,
      capacity: best?.capacity ? formatResourceFigure(resource, best.capacity[resource]) : null,
      short: against !== null && against[resource] < required[resource],
    }));
  });
}
