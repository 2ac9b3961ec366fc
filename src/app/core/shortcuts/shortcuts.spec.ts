import { PendingKeys, SEQUENCE_MS, SHORTCUTS, ShortcutCommand, readKey } from './shortcuts';

describe('readKey', () => {
  /** Presses `keys` at the given times (ms), and gives the commands they ran. */
  function press(...keys: [string, number][]): (ShortcutCommand | null)[] {
    let pending: PendingKeys | null = null;
    return keys.map(([key, at]) => {
      const read = readKey(pending, key, at);
      pending = read.pending;
      return read.command;
    });
  }

  const cases: { keys: [string, number][]; expected: (ShortcutCommand | null)[]; why: string }[] = [
    {
      keys: [
        ['g', 0],
        ['d', 200],
      ],
      expected: [null, 'go-dashboard'],
      why: 'g then d goes to the dashboard',
    },
    {
      keys: [
        ['g', 0],
        ['t', SEQUENCE_MS],
      ],
      expected: [null, 'go-tasks'],
      why: 'the second key may come a moment later',
    },
    {
      keys: [
        ['g', 0],
        ['t', SEQUENCE_MS + 1],
      ],
      expected: [null, null],
      why: 'too late: t alone does nothing',
    },
    {
      keys: [
        ['g', 0],
        ['j', 100],
      ],
      expected: [null, 'next-row'],
      why: 'a key that does not continue is read alone',
    },
    { keys: [['d', 0]], expected: [null], why: 'd alone does nothing' },
    {
      keys: [
        ['?', 0],
        ['n', 10],
      ],
      expected: ['show-shortcuts', 'new-task'],
      why: 'single keys run at once',
    },
    {
      keys: [
        ['g', 0],
        ['g', 100],
        ['w', 200],
      ],
      expected: [null, null, 'go-workers'],
      why: 'g again starts again',
    },
    { keys: [['Enter', 0]], expected: ['open-row'], why: 'Enter opens the row' },
  ];
  for (const { keys, expected, why } of cases) {
    it(why, () => expect(press(...keys)).toEqual(expected));
  }

  it('has one shortcut per key sequence and per command', () => {
    const sequences = SHORTCUTS.map((shortcut) => shortcut.keys.join(' '));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.command)).size).toBe(SHORTCUTS.length);
  });
});
