import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSliderModule } from '@angular/material/slider';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { EMPTY, debounceTime, fromEvent, map, merge } from 'rxjs';
import { requirementsOf } from '../../../shared/cloudai/resource-fit';
import { TASK_TAGS } from '../../../shared/cloudai/task.model';
import { Icon } from '../../../shared/ui/icon';
import { SubmitTaskStore } from '../data/submit-task-store';
import { TaskDraft, toDraft } from '../data/task-draft';
import { pendingReasonOf } from '../data/pending-reason';
import { placementNoteOf } from './placement-note';

const TAG_LABEL: Record<(typeof TASK_TAGS)[number], string> = {
  'cpu-light': 'CPU light',
  'cpu-heavy': 'CPU heavy',
  'memory-heavy': 'Memory heavy',
  'gpu-inference': 'GPU inference',
  'gpu-training': 'GPU training',
  mixed: 'Mixed',
};

/** `POST /api/tasks` with every field of the contract, validated as the master does, and a draft that survives reloads. */
@Component({
  selector: 'app-submit-task-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSliderModule,
    Icon,
  ],
  templateUrl: './submit-task-page.html',
  styleUrl: './submit-task-page.scss',
  // One store per visit, which sees this page's route.
  providers: [SubmitTaskStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubmitTaskPage {
  private readonly store = inject(SubmitTaskStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  /** The signed-in user's email, the owner of what is submitted here; `null` without sign-in. */
  protected readonly signedInAs = toSignal(this.store.signedInAs$, { initialValue: null });
  private readonly state = toSignal(this.store.state$, { requireSync: true });
  protected readonly submitting = computed(() => this.state().kind === 'sending');
  protected readonly serverError = computed(() => {
    const state = this.state();
    return state.kind === 'refused' ? state.message : null;
  });

  protected readonly tags = TASK_TAGS;
  protected readonly tagLabel = TAG_LABEL;
  protected readonly form = inject(NonNullableFormBuilder).group({
    docker_image: ['', [Validators.required, Validators.pattern(/\S/), Validators.maxLength(512)]],
    command: ['', Validators.maxLength(10_000)],
    cpu_required: [null as number | null, [Validators.required, Validators.min(0.001)]],
    memory_required: [null as number | null, [Validators.required, Validators.min(0.001)]],
    storage_required: [null as number | null, [Validators.required, Validators.min(0)]],
    // A GPU count is whole: the master would take 1.5, but no scheduler can place half a GPU.
    gpu_required: [null as number | null, [Validators.required, Validators.min(0), Validators.pattern(/^\d+$/)]],
    tag: ['cpu-light', Validators.required],
    k_value: [2, [Validators.min(1.5), Validators.max(2.5)]],
    // Not typed in: whose task it is (null: whoever is signed in), kept with the draft.
    owner: [null as string | null],
  });
  private readonly placement = toSignal(this.store.placement$, { initialValue: null });
  private readonly amounts = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  /**
   * Whether the workers could run these amounts, said before submitting: the master accepts a task
   * that no worker could ever run and keeps it pending forever. `null` until the amounts are valid
   * and the workers known.
   */
  protected readonly placementNote = computed(() => {
    const workers = this.placement();
    const { cpu_required, memory_required, storage_required, gpu_required } = this.amounts();
    if (workers === null || cpu_required === null || memory_required === null) return null;
    if (storage_required === null || gpu_required === null) return null;
    const reason = pendingReasonOf(
      requirementsOf({ cpu_required, memory_required, storage_required, gpu_required }),
      workers,
      Date.now(),
    );
    return placementNoteOf(reason);
  });
  private readonly formDirective = viewChild(FormGroupDirective);
  /** "Run again": which task the form was filled from, or why it could not be. */
  protected readonly prefill = signal<{ readonly taskId: string; readonly found: boolean } | null>(null);

  constructor() {
    this.form.setValue(this.store.draft);
    this.keepDraft();
    this.prefillFromTask();
    this.followSubmissions();
  }

  protected submit(openAfterwards: boolean): void {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.store.submit(this.form.getRawValue() as TaskDraft, openAfterwards);
  }

  protected startOver(): void {
    this.store.startOver();
    this.resetForm();
  }

  /**
   * The master accepts any image name, but one no registry could have never pulls: the task fails
   * on its worker. Said before submitting; the operator may still go ahead.
   */
  protected imageWarning(image: string): string | null {
    const name = image.trim();
    if (name === '') return null;
    if (/\s/.test(name) || /[<>"'`;&|$]/.test(name)) {
      return 'The master will accept this, but it is not an image name (no spaces or markup): the worker will fail to pull it.';
    }
    if (name.includes('/')) {
      return 'Images with “/” in their name run, but the master cannot list their output files afterwards.';
    }
    return null;
  }

  protected kLabel(value: number): string {
    return value.toFixed(1);
  }

  /** A fresh form after each accepted submission, and the task opened or offered. */
  private followSubmissions(): void {
    this.store.sent$.pipe(takeUntilDestroyed()).subscribe(({ taskId, openAfterwards }) => {
      this.resetForm();
      if (openAfterwards) {
        void this.router.navigate(['/tasks', taskId]);
        return;
      }
      this.snackBar
        .open(`Task ${taskId} submitted.`, 'Open', { duration: 8000 })
        .onAction()
        .subscribe(() => void this.router.navigate(['/tasks', taskId]));
    });
  }

  /**
   * A fresh form, not a submitted one: the form directive's "submitted" flag would otherwise show
   * every empty required field as an error right next to the success message.
   */
  private resetForm(): void {
    this.formDirective()?.resetForm(this.store.draft);
  }

  /**
   * "Run again" opens this form with `?from=<task id>`: the form takes that task's fields (the
   * draft then keeps them), and the parameter leaves the URL so a reload keeps later edits.
   */
  private prefillFromTask(): void {
    this.store.prefill$.pipe(takeUntilDestroyed()).subscribe(({ taskId, task }) => {
      if (task) this.form.setValue(toDraft(task));
      this.prefill.set({ taskId, found: task !== undefined });
      void this.router.navigate([], { relativeTo: this.route, queryParams: { from: null }, replaceUrl: true });
    });
  }

  /** Every change is kept in this tab, so a reload or a failed request loses nothing typed. */
  private keepDraft(): void {
    // Typing is saved once it pauses; leaving the page (a reload) saves at once, so the last keys are not lost.
    const window = inject(DOCUMENT).defaultView;
    merge(this.form.valueChanges.pipe(debounceTime(200)), window ? fromEvent(window, 'pagehide') : EMPTY)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.store.saveDraft(this.form.getRawValue() as TaskDraft));
  }
}
