import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LogMatch, LogRow as LogRowModel, sliceLogSegments, toLogSegments } from './log-text';

/** One row of the log viewer: line number and styled text, each run a text node (never HTML). */
@Component({
  selector: 'app-log-row',
  template: `
    <span class="number" aria-hidden="true">{{ row().start === 0 ? row().line + 1 : '' }}</span>
    <span class="text">
      @for (segment of segments(); track $index) {
        <span
          [class]="segment.classes"
          [class.match]="segment.match"
          [style.color]="segment.color"
          [style.background-color]="segment.background"
          >{{ segment.text }}</span
        >
      }
    </span>
  `,
  styles: `
    :host {
      display: flex;
      height: 20px;
      line-height: 20px;
      white-space: pre;
    }
    :host(.current) {
      background: var(--mat-sys-tertiary-container);
    }
    .number {
      flex: none;
      width: 7ch;
      padding-right: 1ch;
      text-align: right;
      color: var(--mat-sys-on-surface-variant);
      user-select: none;
    }
    .text {
      flex: 1;
    }
    .ansi-black,
    .ansi-bright-black {
      color: var(--app-ansi-black);
    }
    .ansi-black-bg,
    .ansi-bright-black-bg {
      background: color-mix(in srgb, var(--app-ansi-black) 25%, transparent);
    }
    .ansi-red,
    .ansi-bright-red {
      color: var(--app-ansi-red);
    }
    .ansi-red-bg,
    .ansi-bright-red-bg {
      background: color-mix(in srgb, var(--app-ansi-red) 25%, transparent);
    }
    .ansi-green,
    .ansi-bright-green {
      color: var(--app-ansi-green);
    }
    .ansi-green-bg,
    .ansi-bright-green-bg {
      background: color-mix(in srgb, var(--app-ansi-green) 25%, transparent);
    }
    .ansi-yellow,
    .ansi-bright-yellow {
      color: var(--app-ansi-yellow);
    }
    .ansi-yellow-bg,
    .ansi-bright-yellow-bg {
      background: color-mix(in srgb, var(--app-ansi-yellow) 25%, transparent);
    }
    .ansi-blue,
    .ansi-bright-blue {
      color: var(--app-ansi-blue);
    }
    .ansi-blue-bg,
    .ansi-bright-blue-bg {
      background: color-mix(in srgb, var(--app-ansi-blue) 25%, transparent);
    }
    .ansi-magenta,
    .ansi-bright-magenta {
      color: var(--app-ansi-magenta);
    }
    .ansi-magenta-bg,
    .ansi-bright-magenta-bg {
      background: color-mix(in srgb, var(--app-ansi-magenta) 25%, transparent);
    }
    .ansi-cyan,
    .ansi-bright-cyan {
      color: var(--app-ansi-cyan);
    }
    .ansi-cyan-bg,
    .ansi-bright-cyan-bg {
      background: color-mix(in srgb, var(--app-ansi-cyan) 25%, transparent);
    }
    .ansi-white,
    .ansi-bright-white {
      color: var(--app-ansi-white);
    }
    .ansi-white-bg,
    .ansi-bright-white-bg {
      background: color-mix(in srgb, var(--app-ansi-white) 25%, transparent);
    }
    .ansi-bold {
      font-weight: 700;
    }
    .ansi-dim {
      opacity: 0.7;
    }
    .ansi-italic {
      font-style: italic;
    }
    .ansi-underline {
      text-decoration: underline;
    }
    .ansi-strikethrough {
      text-decoration: line-through;
    }
    .ansi-hidden {
      visibility: hidden;
    }
    .match {
      background: var(--app-log-match, #fde68a);
      color: #1f1f1f;
      border-radius: 2px;
    }
  `,
  host: { '[class.current]': 'current()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LogRow {
  readonly row = input.required<LogRowModel>();
  /** The raw line, ANSI codes included. */
  readonly line = input.required<string>();
  readonly matches = input<readonly LogMatch[]>([]);
  /** Holds the search match the operator stepped to. */
  readonly current = input(false);

  protected readonly segments = computed(() => {
    const segments = toLogSegments(this.line());
    const { start, end } = this.row();
    const matches = this.matches();
    const whole = start === 0 && end >= this.line().length;
    return whole && matches.length === 0 ? segments : sliceLogSegments(segments, start, end, matches);
  });
}
