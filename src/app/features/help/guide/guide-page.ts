import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterRenderEffect,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { pendingUntilEvent, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Observable, catchError, combineLatest, defer, of, startWith, switchMap } from 'rxjs';
import { toErrorMessage } from '../../../shared/http/error-message';
import { FETCH } from '../../../shared/http/master-http';
import { GUIDE_DOCUMENTS, GuideDocument, guideHref, headingSlug, isGuideDocument } from './guide-documents';
import { renderGuide } from './guide-markdown';

type GuideState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly html: string };

/**
 * The README and its reference pages, as shipped with this build, read inside the dashboard: the
 * help page's links land on their sections (`/help/guide#performance`), and links between them
 * stay in the app.
 */
@Component({
  selector: 'app-guide-page',
  imports: [RouterLink],
  template: `
    <header class="page-header">
      <h1>{{ title() }}</h1>
      <nav class="documents" aria-label="Guide documents">
        <a routerLink="/help">Help</a>
        @for (document of documents; track document.name) {
          <a
            [routerLink]="'/' + document.href"
            [attr.aria-current]="document.name === name() ? 'page' : null"
            [class.current]="document.name === name()"
            >{{ document.title }}</a
          >
        }
      </nav>
    </header>
    @switch (state().kind) {
      @case ('loading') {
        <p role="status" class="muted">Loading the guide…</p>
      }
      @case ('failed') {
        <section class="panel" role="alert">
          <h2>The guide could not be loaded</h2>
          <p>{{ failure() }}</p>
          <button type="button" class="retry" (click)="retry()">Try again</button>
        </section>
      }
      @case ('ready') {
        <!-- Links inside are followed by the router (see follow), so the page is not reloaded. -->
        <!-- eslint-disable-next-line @angular-eslint/template/click-events-have-key-events, @angular-eslint/template/interactive-supports-focus -->
        <article #article class="guide" [innerHTML]="html()" (click)="follow($event)"></article>
      }
    }
  `,
  styleUrl: './guide-page.scss',
  host: {
    '(document:wheel)': 'releasePinnedSection()',
    '(document:touchstart)': 'releasePinnedSection()',
    '(document:keydown)': 'releasePinnedSection()',
    '(document:pointerdown)': 'releasePinnedSection()',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GuidePage {
  private readonly fetchFn = inject(FETCH);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  /** `readme` (the default), `architecture` or `contract`, from the route. */
  readonly doc = input<string>('readme');
  protected readonly name = computed<GuideDocument>(() => {
    const doc = this.doc() ?? 'readme';
    return isGuideDocument(doc) ? doc : 'readme';
  });
  protected readonly title = computed(() => GUIDE_DOCUMENTS[this.name()].title);
  protected readonly documents = (Object.keys(GUIDE_DOCUMENTS) as GuideDocument[]).map((name) => ({
    name,
    title: GUIDE_DOCUMENTS[name].title,
    href: guideHref(name),
  }));

  private readonly attempt = signal(0);
  protected readonly state = toSignal(
    combineLatest([toObservable(this.name), toObservable(this.attempt)]).pipe(switchMap(([name]) => this.load(name))),
    { initialValue: { kind: 'loading' } as GuideState },
  );
  protected readonly html = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.html : '';
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.message : '';
  });
  private readonly fragment = toSignal(inject(ActivatedRoute).fragment, { initialValue: null });
  private readonly article = viewChild<ElementRef<HTMLElement>>('article');
  /** The section the address asked for, kept in view while pictures load (see keepPinnedSection). */
  private pinned: HTMLElement | null = null;
  private readonly watched = new WeakSet<HTMLElement>();

  constructor() {
    afterRenderEffect({
      write: () => {
        const article = this.article()?.nativeElement;
        if (!article || this.html() === '') return;
        this.anchorHeadings(article);
        if (!this.watched.has(article)) {
          // Pictures' load events do not bubble: caught on their way down.
          article.addEventListener('load', () => this.keepPinnedSection(), true);
          this.watched.add(article);
        }
        const fragment = this.fragment();
        const target = fragment ? article.querySelector<HTMLElement>(`[id="${CSS.escape(fragment)}"]`) : null;
        this.pinned = target;
        if (target) {
          target.scrollIntoView();
          target.focus({ preventScroll: true });
        }
      },
    });
  }

  /**
   * Pictures above the section asked for arrive after the page has scrolled to it, and push it down:
   * until the reader scrolls or types, each picture that arrives brings the section back into view.
   */
  private keepPinnedSection(): void {
    this.pinned?.scrollIntoView();
  }

  protected releasePinnedSection(): void {
    this.pinned = null;
  }

  protected retry(): void {
    this.attempt.update((count) => count + 1);
  }

  /** In-app links go through the router; links elsewhere open in a new tab. */
  protected follow(event: MouseEvent): void {
    const link = (event.target as Element | null)?.closest('a');
    const href = link?.getAttribute('href');
    if (!link || !href || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    if (href.startsWith('help/')) {
      event.preventDefault();
      void this.router.navigateByUrl(`/${href}`);
    } else if (/^https?:/.test(href)) {
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
  }

  private load(name: GuideDocument): Observable<GuideState> {
    const injector = this.injector;
    return defer(async () => {
      const response = await this.fetchFn(GUIDE_DOCUMENTS[name].file, {});
      if (!response.ok) throw new Error(`The server answered ${response.status} for ${GUIDE_DOCUMENTS[name].file}.`);
      return { kind: 'ready', html: renderGuide(await response.text(), name) } as GuideState;
    }).pipe(
      catchError((error: unknown) => of<GuideState>({ kind: 'failed', message: toErrorMessage(error) })),
      // The page is not stable while the document is on its way.
      pendingUntilEvent(injector),
      startWith({ kind: 'loading' } as GuideState),
    );
  }

  /**
   * Gives each heading its GitHub anchor (the sanitizer removes ids from the HTML) and makes it a
   * focus target, so arriving at a section moves a screen reader there. Tables and code, which
   * scroll sideways on narrow screens, take the focus so the keyboard can scroll them.
   */
  private anchorHeadings(article: HTMLElement): void {
    for (const heading of Array.from(article.querySelectorAll<HTMLElement>('h1, h2, h3, h4'))) {
      heading.id ||= headingSlug(heading.textContent ?? '');
      heading.tabIndex = -1;
    }
    for (const scroller of Array.from(article.querySelectorAll<HTMLElement>('table, pre'))) {
      scroller.tabIndex = 0;
    }
  }
}
