import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BehaviorSubject, EMPTY, Subject, of } from 'rxjs';
import { PlacementWorker } from '../data/pending-reason';
import { SubmitState, SubmitTaskStore } from '../data/submit-task-store';
import { EMPTY_DRAFT } from '../data/task-draft';
import { SubmitTaskPage } from './submit-task-page';

describe('SubmitTaskPage', () => {
  let state: BehaviorSubject<SubmitState>;
  let sent: Subject<Extract<SubmitState, { kind: 'sent' }>>;
  let store: jasmine.SpyObj<Pick<SubmitTaskStore, 'submit' | 'startOver' | 'saveDraft'>>;

  async function render(placement: readonly PlacementWorker[] | null = null) {
    state = new BehaviorSubject<SubmitState>({ kind: 'idle' });
    sent = new Subject();
    store = jasmine.createSpyObj('SubmitTaskStore', ['submit', 'startOver', 'saveDraft']);
    const fake = {
      ...store,
      draft: { ...EMPTY_DRAFT, docker_image: 'python:3.12' },
      state$: state,
      sent$: sent,
      prefill$: EMPTY,
      signedInAs$: of('ada@example.com'),
      placement$: of(placement),
    };
    TestBed.configureTestingModule({
      imports: [SubmitTaskPage],
      providers: [provideRouter([])],
    });
    TestBed.overrideComponent(SubmitTaskPage, { set: { providers: [{ provide: SubmitTaskStore, useValue: fake }] } });
    const fixture = TestBed.createComponent(SubmitTaskPage);
    await fixture.whenStable();
    return { fixture, page: fixture.nativeElement as HTMLElement };
  }

  const typeInto = (page: HTMLElement, name: string, value: string) => {
    const input = page.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  it('warns before submitting a task no worker could ever run, and says when one fits now', async () => {
    const kiwi: PlacementWorker = {
      id: 'kiwi',
      active: true,
      capacity: { cpu: 12, memory: 8, storage: 100, gpu: 0 },
      available: { cpu: 12, memory: 8, storage: 100, gpu: 0 },
    };
    const { fixture, page } = await render([kiwi]);
    typeInto(page, 'cpu_required', '2');
    typeInto(page, 'memory_required', '1');
    typeInto(page, 'storage_required', '5');
    typeInto(page, 'gpu_required', '0');
    await fixture.whenStable();

    expect(page.querySelector('[data-testid="placement-note"]')?.textContent).toContain('Fits kiwi now.');

    typeInto(page, 'gpu_required', '1');
    await fixture.whenStable();

    const note = page.querySelector('[data-testid="placement-note"]')!;
    expect(note.textContent).toContain('No worker could ever run this task: no worker has 1 GPU (largest: 0 GPUs).');
    expect(note.classList).toContain('warning');
  });

  const button = (page: HTMLElement, name: string) =>
    Array.from(page.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === name)!;

  it('starts from the kept draft and says whose task it will be', async () => {
    const { page } = await render();

    expect(page.querySelector<HTMLInputElement>('input[formcontrolname="docker_image"]')?.value).toBe('python:3.12');
    expect(page.querySelector('[data-testid="owner"]')?.textContent).toContain('ada@example.com');
  });

  it('hands a valid form to the store, and opens it afterwards when asked', async () => {
    const { page } = await render();

    button(page, 'Submit and open').click();

    expect(store.submit).toHaveBeenCalledOnceWith(jasmine.objectContaining({ docker_image: 'python:3.12' }), true);
  });

  it('sends nothing while the image is missing', async () => {
    const { fixture, page } = await render();
    const image = page.querySelector<HTMLInputElement>('input[formcontrolname="docker_image"]')!;
    image.value = '';
    image.dispatchEvent(new Event('input'));
    await fixture.whenStable();

    button(page, 'Submit and open').click();

    expect(store.submit).not.toHaveBeenCalled();
  });

  it("disables the buttons while sending and shows the master's refusal", async () => {
    const { fixture, page } = await render();

    state.next({ kind: 'sending' });
    await fixture.whenStable();
    expect(button(page, 'Submit and open').disabled).toBeTrue();

    state.next({ kind: 'refused', message: 'docker_image is required' });
    await fixture.whenStable();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain(
      'The master refused the task: docker_image is required',
    );
  });

  it('starts over through the store', async () => {
    const { page } = await render();

    button(page, 'Start over').click();

    expect(store.startOver).toHaveBeenCalled();
  });
});
