import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { TimeZoneStore } from '../../shared/format/time-zone-store';
import { toConnectionLabel } from '../connection/connection-label';
import { ConnectionState } from '../realtime/connection-state';

/** The toolbar's connection chip: colour and words for the live connection, with an explanation on hover or focus. */
@Component({
  selector: 'app-connection-chip',
  template: `
    @let label = this.label();
    <span
      [class]="'chip tone-' + label.tone"
      role="status"
      tabindex="0"
      [title]="label.explanation"
      [attr.aria-label]="'Connection: ' + label.text + '. ' + label.explanation"
      [attr.aria-describedby]="explained() ? 'connection-explanation' : null"
      (click)="explained.set(!explained())"
      (keydown.enter)="explained.set(!explained())"
      (keydown.escape)="explained.set(false)"
      (blur)="explained.set(false)"
    >
      <span class="material-icons icon" aria-hidden="true">{{ label.icon }}</span>
      <span class="text">{{ label.text }}</span>
      @if (malformedCount() > 0) {
        <span class="malformed" aria-hidden="true">· {{ malformedCount() }} ignored</span>
      }
    </span>
    @if (connection().kind === 'outdated') {
      <button type="button" class="reload" (click)="reload()">Reload</button>
    }
    <!-- A title shows on hover only: a tap or Enter shows the explanation on touch screens and keyboards too. -->
    @if (explained()) {
      <span id="connection-explanation" class="explanation" role="note">{{ label.explanation }}</span>
    }
  `,
  styles: `
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      height: 32px;
      padding: 0 12px;
      border-radius: 16px;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    .icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    .tone-ok {
      background: var(--app-ok-container);
      color: var(--app-ok);
    }
    .tone-warn {
      background: var(--app-warn-container);
      color: var(--app-warn);
    }
    .tone-neutral {
      background: var(--app-neutral-container);
      color: var(--app-neutral);
    }
    .malformed {
      font: var(--mat-sys-label-medium);
    }
    .reload {
      margin-left: 8px;
      height: 32px;
      padding: 0 12px;
      border: 1px solid currentColor;
      border-radius: 16px;
      background: transparent;
      color: inherit;
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    :host {
      position: relative;
    }
    .chip {
      cursor: pointer;
    }
    .explanation {
      position: absolute;
      top: 40px;
      right: 0;
      z-index: 10;
      width: min(320px, 80vw);
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
      font: var(--mat-sys-body-small);
      white-space: normal;
    }
    @media (max-width: 599px) {
      .text,
      .malformed {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionChip {
  private readonly document = inject(DOCUMENT);
  private readonly zones = inject(TimeZoneStore);
  readonly connection = input.required<ConnectionState>();
  /** Frames or entries from the master that failed validation and were dropped. */
  readonly malformedCount = input(0);
  /** The explanation is open (tapped or Enter): touch screens and keyboards get no hover title. */
  protected readonly explained = signal(false);

  protected readonly label = computed(() => {
    const label = toConnectionLabel(this.connection(), (epochMs) => this.zones.format(epochMs));
    const malformed = this.malformedCount();
    return malformed === 0
      ? label
      : {
          ...label,
          explanation: `${label.explanation} ${malformed} malformed message${malformed === 1 ? ' was' : 's were'} ignored.`,
        };
  });

  /** Loads the version the server now serves. */
  protected reload(): void {
    this.document.location.reload();
  }
}
