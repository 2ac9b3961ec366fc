import { NO_INTERACTION, holdsOrder, reduceListInteraction } from './tasks-page-selection';

describe('list interaction', () => {
  it('toggles a row in and out of the selection, and selects a set at once', () => {
    const one = reduceListInteraction(NO_INTERACTION, { kind: 'toggle', taskId: 't1' });
    expect([...one.selected]).toEqual(['t1']);
    expect([...reduceListInteraction(one, { kind: 'toggle', taskId: 't1' }).selected]).toEqual([]);
    expect([...reduceListInteraction(one, { kind: 'select', taskIds: ['t2', 't3'] }).selected]).toEqual(['t2', 't3']);
  });

  it('holds the order while the pointer is over the list or rows are selected', () => {
    expect(holdsOrder(NO_INTERACTION)).toBeFalse();
    expect(holdsOrder(reduceListInteraction(NO_INTERACTION, { kind: 'pointer', inside: true }))).toBeTrue();
    expect(holdsOrder(reduceListInteraction(NO_INTERACTION, { kind: 'toggle', taskId: 't1' }))).toBeTrue();
  });

  it('changes nothing when nothing changes', () => {
    expect(reduceListInteraction(NO_INTERACTION, { kind: 'pointer', inside: false })).toBe(NO_INTERACTION);
    expect(reduceListInteraction(NO_INTERACTION, { kind: 'select', taskIds: [] })).toBe(NO_INTERACTION);
  });

  it('counts each apply of held changes', () => {
    expect(reduceListInteraction(NO_INTERACTION, { kind: 'apply' }).applied).toBe(1);
  });
});
