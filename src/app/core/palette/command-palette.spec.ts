import { TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { BehaviorSubject, Subject } from 'rxjs';
import { USER_DATA_PREFIX } from '../auth/user-data';
import { CommandPalette } from './command-palette';
import { PaletteItem } from './palette-item';
import { PaletteEntries, PaletteSources } from './palette-sources';

describe('CommandPalette', () => {
  afterEach(() => localStorage.removeItem(`${USER_DATA_PREFIX}palette-recent`));

  async function render(entries: PaletteEntries) {
    const ran: string[] = [];
    const closed = new Subject<void>();
    const dialogRef = {
      close: jasmine.createSpy('close').and.callFake(() => {
        closed.next();
        closed.complete();
      }),
      afterClosed: () => closed,
    };
    const withRun = (items: readonly PaletteItem[] | null) =>
      items?.map((item) => ({ ...item, run: () => ran.push(item.key) })) ?? null;
    const entries$ = new BehaviorSubject<PaletteEntries>({
      commands: withRun(entries.commands)!,
      tasks: withRun(entries.tasks),
      workers: withRun(entries.workers),
    });
    TestBed.configureTestingModule({
      providers: [
        { provide: MatDialogRef, useValue: dialogRef },
        { provide: PaletteSources, useValue: { entries$ } },
      ],
    });
    const fixture = TestBed.createComponent(CommandPalette);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const field = element.querySelector<HTMLInputElement>('[role="combobox"]')!;
    const type = async (text: string) => {
      field.value = text;
      field.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const key = async (name: string) => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: name, cancelable: true }));
      await fixture.whenStable();
    };
    const options = () => Array.from(element.querySelectorAll<HTMLElement>('[role="option"]'));
    const status = () => element.querySelector('.status')?.textContent?.trim();
    return { element, field, type, key, options, status, ran, dialogRef };
  }

  const page = (label: string): PaletteItem => ({
    key: `page:/${label}`,
    kind: 'page',
    label,
    keywords: '',
    detail: '',
    run: () => undefined,
  });
  const task = (id: string, image: string): PaletteItem => ({
    key: `task:${id}`,
    kind: 'task',
    label: id,
    keywords: image,
    detail: `${image} · running`,
    run: () => undefined,
  });
  const ENTRIES: PaletteEntries = {
    commands: [page('Dashboard'), page('Workers')],
    tasks: [task('task-7f3a2c91', 'python:3.12'), task('task-0b44e7d2', 'ubuntu:24.04')],
    workers: [],
  };

  it('is a combobox over a listbox whose active option the field points at', async () => {
    const { field, options, key } = await render(ENTRIES);

    expect(field.getAttribute('aria-controls')).toBe('palette-options');
    expect(options().map((option) => option.textContent)).toEqual([
      jasmine.stringContaining('Dashboard'),
      jasmine.stringContaining('Workers'),
    ]);
    expect(field.getAttribute('aria-activedescendant')).toBe(options()[0].id);
    expect(options()[0].getAttribute('aria-selected')).toBe('true');

    await key('ArrowDown');

    expect(field.getAttribute('aria-activedescendant')).toBe(options()[1].id);
    expect(options()[1].getAttribute('aria-selected')).toBe('true');
    expect(options()[0].getAttribute('aria-selected')).toBe('false');
  });

  it('finds a task by part of its image, and opens it with Enter after closing', async () => {
    const { type, key, options, ran, dialogRef, status } = await render(ENTRIES);

    await type('ubunt');
    expect(options()[0].textContent).toContain('task-0b44e7d2');
    expect(status()).toMatch(/^\d+ match/);

    await key('Enter');

    expect(dialogRef.close).toHaveBeenCalled();
    expect(ran).toEqual(['task:task-0b44e7d2']);
  });

  it('remembers what was chosen, and offers it first next time', async () => {
    const first = await render(ENTRIES);
    await first.type('7f3a');
    await first.key('Enter');
    TestBed.resetTestingModule();

    const again = await render(ENTRIES);

    expect(again.options()[0].textContent).toContain('task-7f3a2c91');
    expect(again.options()[0].textContent).toContain('Recent');
  });

  it('says when nothing matches, and that tasks are still on their way', async () => {
    const { type, options, status } = await render({ ...ENTRIES, tasks: null });

    await type('zzqx');

    expect(options()).toEqual([]);
    expect(status()).toBe('Nothing matches "zzqx". Still loading the tasks.');
  });

  it('shows the first matches of many, and says so', async () => {
    const many = Array.from({ length: 40 }, (_, index) => task(`task-${index}`, 'redis'));
    const { type, options, status } = await render({ ...ENTRIES, tasks: many });

    await type('task');

    expect(options().length).toBe(30);
    expect(status()).toBe('The first 30 matches: type more to narrow them.');

    await type('task-3');

    // task-3, task-13, task-23 and task-30 to task-39.
    expect(status()).toBe('13 matches.');
  });
});
