import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  ElementRef,
  afterRenderEffect,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatDialogRef } from '@angular/material/dialog';
import { PaletteItem, PaletteKind } from './palette-item';
import { PaletteRecents } from './palette-recents';
import { PaletteSources, itemsOf } from './palette-sources';
import { PALETTE_LIMIT, indexItems, rankItems, warmUp } from './rank-items';

const KIND: Record<PaletteKind, { readonly icon: string; readonly label: string }> = {
  page: { icon: 'arrow_forward', label: 'Page' },
  action: { icon: 'bolt', label: 'Action' },
  task: { icon: 'assignment', label: 'Task' },
  worker: { icon: 'dns', label: 'Worker' },
};

/**
 * The command palette (Ctrl-K / ⌘-K): type part of a task's or worker's id, a task's image or a
 * worker's address, a page or an action; arrows move, Enter opens, Escape closes. A combobox over a
 * listbox (the WAI-ARIA pattern): the focus stays in the field, the active option is announced.
 */
@Component({
  selector: 'app-command-palette',
  template: `
    <div class="field">
      <span class="material-icons" aria-hidden="true">search</span>
      <input
        #field
        type="text"
        role="combobox"
        aria-label="Jump to a task, worker or page, or run a command"
        aria-autocomplete="list"
        aria-expanded="true"
        aria-controls="palette-options"
        [attr.aria-activedescendant]="activeId()"
        placeholder="Task or worker id, image, address, page or command…"
        autocomplete="off"
        spellcheck="false"
        (input)="search(field.value)"
        (keydown)="onKey($event)"
      />
    </div>
    <ul id="palette-options" role="listbox" aria-label="Matches" #list>
      <!-- Tracked by position: new matches reuse the rows drawn for the last ones, which is most of answering a key. -->
      @for (item of results(); track $index; let index = $index) {
        <!-- The focus stays in the field (the combobox pattern): the keyboard reaches options through it. -->
        <!-- eslint-disable-next-line @angular-eslint/template/click-events-have-key-events, @angular-eslint/template/interactive-supports-focus -->
        <li
          role="option"
          [id]="'palette-option-' + index"
          [attr.aria-selected]="index === active()"
          [class.active]="index === active()"
          (click)="choose(item)"
          (mousemove)="active.set(index)"
        >
          <span class="material-icons" aria-hidden="true">{{ kinds[item.kind].icon }}</span>
          <span class="text">
            <span class="label" [class.mono]="item.kind === 'task' || item.kind === 'worker'">{{ item.label }}</span>
            @if (item.kind === 'task' || item.kind === 'worker') {
              <span class="detail">{{ item.detail }}</span>
            }
          </span>
          <span class="kind">{{ recentKeys.includes(item.key) ? 'Recent' : kinds[item.kind].label }}</span>
        </li>
      }
    </ul>
    <p class="status" role="status">{{ status() }}</p>
    <p class="hint" aria-hidden="true"><kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close</p>
  `,
  styleUrl: './command-palette.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommandPalette {
  private readonly dialogRef = inject(MatDialogRef<CommandPalette>);
  private readonly changeDetector = inject(ChangeDetectorRef);
  private readonly recents = inject(PaletteRecents);
  protected readonly kinds = KIND;
  protected readonly recentKeys = this.recents.keys;

  protected readonly query = signal('');
  private readonly entries = toSignal(inject(PaletteSources).entries$);
  /** Rebuilt when the lists change (a task poll, a worker joining), not on every key typed. */
  private readonly index = computed(() => {
    const entries = this.entries();
    return indexItems(entries ? itemsOf(entries) : []);
  });
  protected readonly results = computed(() => rankItems(this.query(), this.index(), this.recentKeys));
  /** The option Enter opens: the best match again whenever the matches change. */
  protected readonly active = linkedSignal({ source: this.results, computation: () => 0 });
  protected readonly activeId = computed(() => (this.results().length > 0 ? `palette-option-${this.active()}` : null));

  protected readonly status = computed(() => {
    const entries = this.entries();
    const waiting = [entries?.tasks ? null : 'tasks', entries?.workers ? null : 'workers'].filter(Boolean);
    const loading = waiting.length > 0 ? ` Still loading the ${waiting.join(' and ')}.` : '';
    const count = this.results().length;
    if (this.query().trim() === '') return `Type to search.${loading}`;
    if (count === 0) return `Nothing matches "${this.query().trim()}".${loading}`;
    // Beyond the limit the matches may be listed unranked (see `rankItems`): "first", not "best".
    if (count === PALETTE_LIMIT) return `The first ${PALETTE_LIMIT} matches: type more to narrow them.${loading}`;
    return `${count} match${count === 1 ? '' : 'es'}.${loading}`;
  });

  private readonly list = viewChild.required<ElementRef<HTMLElement>>('list');
  /** The arrows moved the active option since the last render: bring it into view. Typing needs no scrolling (and no layout). */
  private movedByKeys = false;
  /** The arrows scrolled the list: new matches scroll it back to the top. */
  private scrolled = false;

  constructor() {
    // Once the tasks have arrived (the palette has drawn by then), before the operator's first key.
    const warmed = effect(() => {
      if (this.entries()?.tasks) {
        warmUp(this.index());
        warmed.destroy();
      }
    });
    afterRenderEffect({
      write: () => {
        const active = this.active();
        if (!this.movedByKeys) return;
        this.movedByKeys = false;
        this.scrolled = true;
        this.list().nativeElement.querySelector(`#palette-option-${active}`)?.scrollIntoView({ block: 'nearest' });
      },
    });
  }

  /**
   * New matches start at the top. The list is scrolled back only if the arrows scrolled it: reading
   * its position would lay out the page behind, which a live list keeps changing. The matches are
   * drawn at once, in the key's own task: a render scheduled for later would wait behind whatever the
   * page has queued by then (a task poll, a telemetry digest).
   */
  protected search(text: string): void {
    if (this.scrolled) {
      this.list().nativeElement.scrollTop = 0;
      this.scrolled = false;
    }
    this.query.set(text);
    this.changeDetector.detectChanges();
  }

  protected onKey(event: KeyboardEvent): void {
    const count = this.results().length;
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      if (count > 0) {
        this.movedByKeys = true;
        this.active.update((index) => Math.min(count - 1, Math.max(0, index + step)));
      }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = this.results()[this.active()];
      if (item) this.choose(item);
    }
  }

  /** Closes first, so focus is back on the page when the entry runs (a search field it focuses keeps it). */
  protected choose(item: PaletteItem): void {
    this.recents.remember(item.key);
    this.dialogRef.afterClosed().subscribe(() => item.run());
    this.dialogRef.close();
  }
}
