import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FailureKind } from '../../../core/failures/failure-signature';
import { formatAge } from '../../../shared/format/units';
import { RecentFailures } from '../data/recent-failures';

const KIND_LABEL: Record<FailureKind, string> = {
  'worker-stopped': 'worker stopped',
  'master-restarted': 'master restarted',
  container: 'image or container',
  program: 'the program',
  'no-output': 'no output stored',
};

/** The most frequent causes of the last hour's failures, each with a link to its tasks. */
@Component({
  selector: 'app-recent-failures-panel',
  imports: [RouterLink],
  template: `
    @let f = failures();
    <section class="panel" aria-labelledby="failures-heading" data-testid="recent-failures">
      <h2 id="failures-heading">Failures <span class="muted">· last hour, grouped by cause</span></h2>
      @if (f.groups.length === 0) {
        <p class="muted">
          @if (f.stillReading > 0) {
            Reading the results of {{ f.stillReading }} failed {{ f.stillReading === 1 ? 'task' : 'tasks' }}…
          } @else {
            No task failed in the last hour.
          }
        </p>
      } @else {
        <ol class="groups">
          @for (group of f.groups; track group.key) {
            <li data-testid="failure-group">
              <div class="head">
                <span class="count">{{ group.count }} ×</span>
                <span class="mono">{{ group.image }}</span>
                <span class="kind">{{ kindLabel[group.kind] }}</span>
                <a
                  class="show"
                  routerLink="/tasks"
                  [queryParams]="{ status: 'failed', failure: group.key }"
                  [attr.aria-label]="'Show the ' + group.count + ' tasks that failed this way'"
                  >Show tasks</a
                >
              </div>
              <p class="signature mono" [title]="group.text">{{ group.text || '(no output)' }}</p>
              <p class="muted small">
                Last {{ age(group.lastSeen * 1000, f.at) }}
                @if (group.count > 1) {
                  · first {{ age(group.firstSeen * 1000, f.at) }}
                }
                @if (group.workers.length > 0) {
                  · on {{ workersOf(group.workers) }}
                }
              </p>
            </li>
          }
        </ol>
        @if (f.groupCount > f.groups.length) {
          <p class="muted small">and {{ f.groupCount - f.groups.length }} more causes.</p>
        }
      }
      @if (f.examined > 0) {
        <p class="muted small">
          From the stored results of the {{ f.examined }} most recent of {{ f.failedTotal }} failed tasks (the master
          keeps no failure history; numbers, ids, paths and times are ignored when comparing).
        </p>
      }
    </section>
  `,
  styleUrl: './insight-panel.scss',
  styles: `
    .groups {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 10px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
    }
    .count {
      font-weight: 600;
      color: var(--app-danger);
    }
    .kind {
      color: var(--mat-sys-on-surface-variant);
    }
    .show {
      margin-inline-start: auto;
      color: var(--mat-sys-primary);
    }
    .signature {
      margin: 2px 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    p {
      margin: 0;
    }
    .small {
      margin-top: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecentFailuresPanel {
  readonly failures = input.required<RecentFailures>();

  protected readonly kindLabel = KIND_LABEL;
  protected readonly age = formatAge;

  protected workersOf(workers: readonly string[]): string {
    return workers.length <= 3
      ? workers.join(', ')
      : `${workers.slice(0, 3).join(', ')} and ${workers.length - 3} more`;
  }
}
