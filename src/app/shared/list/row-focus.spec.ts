import { RowFocus, rowAfter } from './row-focus';

describe('rowAfter', () => {
  const ids = ['a', 'b', 'c'];
  const cases: { current: string | null; step: 1 | -1; expected: string | null; why: string }[] = [
    { current: null, step: 1, expected: 'a', why: 'nothing focused: the first row' },
    { current: null, step: -1, expected: 'a', why: 'nothing focused, moving up: the first row too' },
    { current: 'a', step: 1, expected: 'b', why: 'down one' },
    { current: 'c', step: -1, expected: 'b', why: 'up one' },
    { current: 'c', step: 1, expected: 'c', why: 'the last row holds' },
    { current: 'a', step: -1, expected: 'a', why: 'the first row holds' },
    { current: 'gone', step: 1, expected: 'a', why: 'the focused row left the list: the first row' },
  ];
  for (const { current, step, expected, why } of cases) {
    it(why, () => expect(rowAfter(ids, current, step)).toBe(expected));
  }

  it('is null for an empty list', () => expect(rowAfter([], 'a', 1)).toBeNull());
});

describe('RowFocus', () => {
  const ids = ['a', 'b', 'c'];
  const focusOn = (id: string): FocusEvent => {
    const row = document.createElement('div');
    row.setAttribute('data-task-id', id);
    const button = document.createElement('button');
    row.appendChild(button);
    return { target: button } as unknown as FocusEvent;
  };

  it('counts every key pressed before the focus of the last move has landed', () => {
    const focus = new RowFocus('data-task-id');

    focus.move(ids, 1);
    focus.move(ids, 1);
    focus.move(ids, 1);

    expect(focus.movedTo()).toBe('c');
    expect(focus.current()).toBe('c');
  });

  it('follows a row that took the focus otherwise (clicked, tabbed to), and moves on from it', () => {
    const focus = new RowFocus('data-task-id');
    focus.move(ids, 1);

    focus.focused(focusOn('c'));
    expect(focus.current()).toBe('c');

    focus.move(ids, -1);
    expect(focus.movedTo()).toBe('b');
  });

  it('stays on its row when the focus goes somewhere that is not a row', () => {
    const focus = new RowFocus('data-task-id');
    focus.move(ids, 1);

    focus.focused({ target: document.createElement('input') } as unknown as FocusEvent);

    expect(focus.current()).toBe('a');
  });
});
