import { DestroyRef } from '@angular/core';
import { PageCommands } from './page-commands';

describe('PageCommands', () => {
  function destroyable() {
    const callbacks: (() => void)[] = [];
    const ref = { onDestroy: (callback: () => void) => callbacks.push(callback) } as unknown as DestroyRef;
    return { ref, destroy: () => callbacks.forEach((callback) => callback()) };
  }

  it('runs what the current page offers, and nothing once that page has gone', () => {
    const commands = new PageCommands();
    const refreshed: string[] = [];
    const list = destroyable();
    commands.offer({ refresh: () => refreshed.push('list') }, list.ref);

    expect(commands.offers('refresh')).toBeTrue();
    expect(commands.offers('export-csv')).toBeFalse();
    expect(commands.run('refresh')).toBeTrue();
    expect(commands.run('next-row')).toBeFalse();
    list.destroy();
    expect(commands.offers('refresh')).toBeFalse();
    expect(commands.run('refresh')).toBeFalse();
    expect(refreshed).toEqual(['list']);
  });

  it('keeps the next page’s commands when the page before is destroyed after it offered them', () => {
    const commands = new PageCommands();
    const before = destroyable();
    const after = destroyable();
    const ran: string[] = [];
    commands.offer({ refresh: () => ran.push('before') }, before.ref);
    commands.offer({ refresh: () => ran.push('after') }, after.ref);

    before.destroy();
    commands.run('refresh');

    expect(ran).toEqual(['after']);
  });
});
