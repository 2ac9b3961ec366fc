import { ScrollingModule, CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { LogMatch, LogRow as LogRowModel, findLogMatches, plainLogText, toLogRows } from '../data/log-text';
import { LogRow } from './log-row';

const ROW_HEIGHT = 20;

/**
 * A terminal-like view of task logs, smooth at 100,000 lines: virtualised fixed-height rows
 * (wrapping cuts lines into rows of the viewer's width), follows the tail until the operator
 * scrolls up, search with match count and next/previous, wrap toggle and download.
 */
@Component({
  selector: 'app-log-viewer',
  imports: [ScrollingModule, MatButtonModule, MatButtonToggleModule, MatIconModule, MatTooltipModule, LogRow],
  template: `
    <div class="toolbar">
      <div class="search" role="search">
        <mat-icon aria-hidden="true">search</mat-icon>
        <input
          type="search"
          placeholder="Search logs"
          aria-label="Search logs"
          [value]="term()"
          (input)="search($any($event.target).value)"
          (keydown.enter)="stepMatch(1)"
          (keydown.shift.enter)="stepMatch(-1)"
        />
        <span class="count" role="status">
          @if (term()) {
            {{ matches().length === 0 ? 'No matches' : currentMatch() + 1 + ' / ' + matches().length }}
          }
        </span>
        <button
          mat-icon-button
          type="button"
          aria-label="Previous match"
          [disabled]="matches().length === 0"
          (click)="stepMatch(-1)"
        >
          <mat-icon>keyboard_arrow_up</mat-icon>
        </button>
        <button
          mat-icon-button
          type="button"
          aria-label="Next match"
          [disabled]="matches().length === 0"
          (click)="stepMatch(1)"
        >
          <mat-icon>keyboard_arrow_down</mat-icon>
        </button>
      </div>
      <span class="spacer"></span>
      <button
        mat-stroked-button
        type="button"
        [attr.aria-pressed]="wrap()"
        (click)="toggleWrap()"
        matTooltip="Wrap long lines"
      >
        <mat-icon>{{ wrap() ? 'wrap_text' : 'notes' }}</mat-icon> {{ wrap() ? 'Wrapping' : 'Wrap' }}
      </button>
      <button mat-stroked-button type="button" [disabled]="lines().length === 0" (click)="download()">
        <mat-icon>download</mat-icon> Download
      </button>
    </div>
    <div class="frame">
      <cdk-virtual-scroll-viewport
        #viewport
        [itemSize]="rowHeight"
        class="viewport"
        role="log"
        [attr.aria-label]="'Logs of ' + taskId()"
        tabindex="0"
        data-bench-scroll
      >
        <app-log-row
          *cdkVirtualFor="let row of rows(); trackBy: trackRow; templateCacheSize: 0"
          [row]="row"
          [line]="lines()[row.line]"
          [matches]="matchesByLine().get(row.line) ?? none"
          [current]="currentLine() === row.line"
        />
      </cdk-virtual-scroll-viewport>
      @if (!following() && lines().length > 0) {
        <button mat-flat-button type="button" class="jump" (click)="jumpToLatest()">
          <mat-icon>vertical_align_bottom</mat-icon> Jump to latest
        </button>
      }
      <span #measure class="measure" aria-hidden="true">0000000000</span>
    </div>
  `,
  styleUrl: './log-viewer.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LogViewer {
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private readonly viewport = viewChild.required<CdkVirtualScrollViewport>('viewport');
  private readonly measure = viewChild.required<ElementRef<HTMLElement>>('measure');

  /** Raw lines, ANSI codes included, `\r` already resolved. Only ever grows while streaming. */
  readonly lines = input.required<readonly string[]>();
  readonly taskId = input.required<string>();

  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly none: readonly LogMatch[] = [];
  protected readonly term = signal('');
  protected readonly wrap = signal(false);
  protected readonly following = signal(true);
  protected readonly currentMatch = signal(0);
  /** Characters per row when wrapping, from the viewer's width. */
  private readonly columns = signal(120);

  private plainCache: { source: readonly string[]; plain: string[] } = { source: [], plain: [] };

  /** Plain text of every line, extended for appended lines instead of recomputed. */
  private readonly plainLines = computed(() => {
    const lines = this.lines();
    const cache = this.plainCache;
    const known = cache.source.length;
    const grows = lines.length >= known && (known === 0 || lines[known - 1] === cache.source[known - 1]);
    const plain = grows ? cache.plain : [];
    for (let index = plain.length; index < lines.length; index += 1) plain.push(plainLogText(lines[index]));
    this.plainCache = { source: lines, plain };
    return plain.slice(0, lines.length);
  });

  protected readonly rows = computed(() => toLogRows(this.plainLines(), this.wrap() ? this.columns() : null));
  protected readonly matches = computed(() => findLogMatches(this.plainLines(), this.term()));
  protected readonly matchesByLine = computed(() => {
    const byLine = new Map<number, LogMatch[]>();
    for (const match of this.matches()) {
      const list = byLine.get(match.line);
      if (list) list.push(match);
      else byLine.set(match.line, [match]);
    }
    return byLine as ReadonlyMap<number, readonly LogMatch[]>;
  });
  protected readonly currentLine = computed(() => this.matches()[this.currentMatch()]?.line ?? -1);

  constructor() {
    this.followTail();
    afterNextRender(() => this.watchViewport());
  }

  protected search(term: string): void {
    this.term.set(term);
    this.currentMatch.set(0);
    if (term) this.revealMatch(0);
  }

  protected stepMatch(step: number): void {
    const count = this.matches().length;
    if (count === 0) return;
    const next = (this.currentMatch() + step + count) % count;
    this.currentMatch.set(next);
    this.revealMatch(next);
  }

  protected toggleWrap(): void {
    this.wrap.update((wrap) => !wrap);
  }

  protected jumpToLatest(): void {
    this.following.set(true);
    this.scrollToEnd();
  }

  protected download(): void {
    const blob = new Blob([this.plainLines().join('\n') + '\n'], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = `${this.taskId()}.log.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  protected trackRow(_index: number, row: LogRowModel): string {
    return `${row.line}:${row.start}`;
  }

  private revealMatch(index: number): void {
    const match = this.matches()[index];
    if (!match) return;
    this.following.set(false);
    const rowIndex = this.rows().findIndex(
      (row) => row.line === match.line && match.start < Math.max(row.end, row.start + 1),
    );
    if (rowIndex !== -1) {
      const visibleRows = Math.floor(this.viewport().getViewportSize() / ROW_HEIGHT);
      this.viewport().scrollToOffset(Math.max(0, (rowIndex - Math.floor(visibleRows / 2)) * ROW_HEIGHT));
    }
  }

  /** New rows keep the view at the end while following. */
  private followTail(): void {
    effect(() => {
      this.rows();
      if (this.following()) requestAnimationFrame(() => this.scrollToEnd());
    });
  }

  private scrollToEnd(): void {
    this.viewport().scrollToOffset(this.rows().length * ROW_HEIGHT);
  }

  /** Scrolling up stops following; reaching the end again resumes it. Width sets the wrap columns. */
  private watchViewport(): void {
    const viewport = this.viewport();
    let lastOffset = 0;
    const subscription = viewport.elementScrolled().subscribe(() => {
      const offset = viewport.measureScrollOffset('top');
      const atEnd = viewport.measureScrollOffset('bottom') < ROW_HEIGHT * 2;
      if (offset < lastOffset && !atEnd) this.following.set(false);
      else if (atEnd) this.following.set(true);
      lastOffset = offset;
    });
    const element = viewport.elementRef.nativeElement;
    const charWidth = this.measure().nativeElement.getBoundingClientRect().width / 10 || 8;
    const resize = new ResizeObserver(() => {
      // The gutter takes 8 characters; leave room for the scrollbar.
      this.columns.set(Math.max(20, Math.floor((element.clientWidth - 16) / charWidth) - 8));
    });
    resize.observe(element);
    this.destroyRef.onDestroy(() => {
      subscription.unsubscribe();
      resize.disconnect();
    });
  }
}
