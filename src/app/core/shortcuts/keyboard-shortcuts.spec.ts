import { DestroyRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { PageCommands } from './page-commands';
import { ShortcutSheet } from './shortcut-sheet';

describe('KeyboardShortcuts', () => {
  function setUp() {
    const router = { navigateByUrl: jasmine.createSpy('navigateByUrl').and.resolveTo(true) };
    const dialog = { openDialogs: [] as unknown[], open: jasmine.createSpy('open') };
    TestBed.configureTestingModule({
      providers: [
        { provide: Router, useValue: router },
        { provide: MatDialog, useValue: dialog },
      ],
    });
    const ran: string[] = [];
    TestBed.inject(PageCommands).offer({ 'next-row': () => ran.push('next-row') }, TestBed.inject(DestroyRef));
    return { shortcuts: TestBed.inject(KeyboardShortcuts), router, dialog, ran };
  }

  it('goes to pages, opens the sheet, and passes page commands to the page', () => {
    const { shortcuts, router, dialog, ran } = setUp();

    expect(shortcuts.press('g', 0)).toBeFalse();
    expect(shortcuts.press('t', 100)).toBeTrue();
    shortcuts.press('n', 200);
    shortcuts.press('?', 300);
    shortcuts.press('j', 400);

    expect(router.navigateByUrl.calls.allArgs()).toEqual([['/tasks'], ['/tasks/new']]);
    expect(dialog.open).toHaveBeenCalledOnceWith(ShortcutSheet, jasmine.anything());
    expect(ran).toEqual(['next-row']);
  });

  it('says a page command the page does not offer did nothing', () => {
    const { shortcuts } = setUp();

    expect(shortcuts.press('r', 0)).toBeFalse();
  });

  it('leaves the page alone while a dialog is open', () => {
    const { shortcuts, router, dialog, ran } = setUp();
    dialog.openDialogs.push({});

    shortcuts.press('g', 0);
    shortcuts.press('d', 10);
    shortcuts.press('j', 20);

    expect(router.navigateByUrl).not.toHaveBeenCalled();
    expect(ran).toEqual([]);
  });
});
