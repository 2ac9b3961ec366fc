import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { RESOURCES, Resource } from '../../../shared/cloudai/resource-fit';
import { RESOURCE_LABEL, formatResourceAmount, formatResourceFigure } from '../../../shared/format/resource-amount';
import { formatCores, formatGb } from '../../../shared/format/units';
import { Headroom, ResourcePeak } from '../data/headroom';

/** How large a task the cluster can take now and ever, and the workers whose free room is lopsided. */
@Component({
  selector: 'app-headroom-panel',
  imports: [RouterLink],
  template: `
    @let h = headroom();
    <section class="panel" aria-labelledby="headroom-heading" data-testid="headroom">
      <h2 id="headroom-heading">Headroom <span class="muted">· the largest task the master would place</span></h2>
      <table>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">Resource</span></th>
            <th scope="col">Starts now</th>
            <th scope="col">Could ever run</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.resource) {
            <tr>
              <th scope="row">{{ row.label }}</th>
              <td>
                {{ row.now }}
                @if (row.nowOn; as on) {
                  <a class="mono muted" [routerLink]="['/workers', on]">{{ on }}</a>
                }
              </td>
              <td>
                {{ row.ever }}
                @if (row.everOn; as on) {
                  <a class="mono muted" [routerLink]="['/workers', on]">{{ on }}</a>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
      <p class="muted small">
        A task asks for all four on one worker: each figure is the most any single worker offers.
        @if (h.roomiest; as roomiest) {
          Together, the roomiest active worker,
          <a class="mono" [routerLink]="['/workers', roomiest.workerId]">{{ roomiest.workerId }}</a>, would start
          {{ together() }} now.
        } @else {
          No active worker with a known capacity, so nothing would start now.
        }
        @if (h.unknownCapacity > 0) {
          {{ h.unknownCapacity }} {{ h.unknownCapacity === 1 ? 'worker is' : 'workers are' }} left out: capacity
          unknown.
        }
      </p>
      @if (h.stranded.length > 0) {
        <h3>Stranded room</h3>
        <ul class="stranded">
          @for (worker of h.stranded; track worker.workerId) {
            <li>
              <a class="mono" [routerLink]="['/workers', worker.workerId]">{{ worker.workerId }}</a>:
              @if (worker.leftOver === 'cpu') {
                {{ cores(worker.freeCpu) }} free, but only {{ gb(worker.freeMemory) }} memory
              } @else {
                {{ gb(worker.freeMemory) }} memory free, but only {{ cores(worker.freeCpu) }}
              }
            </li>
          }
        </ul>
      }
    </section>
  `,
  styleUrl: './insight-panel.scss',
  styles: `
    h3 {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      text-align: start;
      padding: 2px 24px 2px 0;
      font-variant-numeric: tabular-nums;
    }
    td a {
      margin-inline-start: 6px;
    }
    .stranded {
      margin: 0;
      padding-inline-start: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeadroomPanel {
  readonly headroom = input.required<Headroom>();

  protected readonly cores = formatCores;
  protected readonly gb = formatGb;

  protected readonly rows = computed(() => {
    const { startsNow, everRuns } = this.headroom();
    const shown = (resource: Resource, peak: ResourcePeak) =>
      peak.workerId === null ? '–' : formatResourceFigure(resource, peak.amount);
    return RESOURCES.map((resource) => ({
      resource,
      label: RESOURCE_LABEL[resource],
      now: shown(resource, startsNow[resource]),
      // Nobody to name for "none": every worker has 0 of it.
      nowOn: startsNow[resource].amount > 0 ? startsNow[resource].workerId : null,
      ever: shown(resource, everRuns[resource]),
      everOn: everRuns[resource].amount > 0 ? everRuns[resource].workerId : null,
    }));
  });

  protected readonly together = computed(() => {
    const roomiest = this.headroom().roomiest;
    return roomiest
      ? RESOURCES.map((resource) => formatResourceAmount(resource, roomiest.free[resource])).join(', ')
      : '';
  });
}
