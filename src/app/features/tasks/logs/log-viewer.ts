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
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { Icon } from '../../../shared/ui/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { LogRow } from './log-row';
import { LogMatch, LogRow as LogRowModel, findLogMatches, toLogRows } from './log-text';
import { extendPlainLines, groupMatchesByLine, matchRowIndex } from './log-viewer-model';

const ROW_HEIGHT = 20;

/**
 * A terminal-like view of task logs, smooth at 100,000 lines: virtualised fixed-height rows
 * (wrapping cuts lines into rows of the viewer's width), follows the tail until the operator
 * scrolls up, search with match count and next/previous, wrap toggle and download.
 */
@Component({
  selector: 'app-log-viewer',
  imports: [ScrollingModule, MatButtonModule, MatButtonToggleModule, Icon, MatTooltipModule, LogRow],
  templateUrl: './log-viewer.html',
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

  /**
   * Plain text of every line. A linked signal because it derives from its own previous value:
   * appended lines are converted, the rest is kept (see `extendPlainLines`). Never written.
   */
  private readonly plainLines = linkedSignal<readonly string[], readonly string[]>({
    source: this.lines,
    computation: (lines, previous) =>
      extendPlainLines(lines, previous && { lines: previous.source, plain: previous.value }),
  }).asReadonly();

  protected readonly rows = computed(() => toLogRows(this.plainLines(), this.wrap() ? this.columns() : null));
  protected readonly matches = computed(() => findLogMatches(this.plainLines(), this.term()));
  protected readonly matchesByLine = computed(() => groupMatchesByLine(this.matches()));
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
    const rowIndex = matchRowIndex(this.rows(), match);
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
