import { failureSignatureOf, maskLine } from './failure-signature';

describe('failureSignatureOf', () => {
  const cases: readonly { name: string; logs: string; kind: string; text: string }[] = [
    {
      name: 'a Python traceback: the error and the line before it, the traceback header skipped',
      logs: [
        '\u001b[1;34m==>\u001b[0m Starting trainer:2 (python train.py)',
        '[2026-12-02 10:00:01.123] Resources: 1 CPU, 2 GB RAM, 0 GPU',
        'Traceback (most recent call last):',
        '  File "/app/main.py", line 42, in <module>',
        '\u001b[31mMemoryError: unable to allocate array\u001b[0m',
        '',
      ].join('\n'),
      kind: 'program',
      text: 'File "<path>", line <n>, in <module> ⏎ MemoryError: unable to allocate array',
    },
    {
      name: 'the worker stopped under the task',
      logs: 'step 1\nstep 2\nTask failed: Worker was terminated while task was running\n',
      kind: 'worker-stopped',
      text: 'step <n> ⏎ Task failed: Worker was terminated while task was running',
    },
    {
      name: 'an image that cannot be pulled',
      logs: 'Error response from daemon: pull access denied for privat/thing, repository does not exist',
      kind: 'container',
      text: 'Error response from daemon: pull access denied for privat/thing, repository does not exist',
    },
    {
      name: 'nothing stored',
      logs: '',
      kind: 'no-output',
      text: '',
    },
    {
      name: 'no error line: the last lines, progress redrawn with carriage returns kept as shown',
      logs: 'loading\n  progress 25%\r  progress 100%\r\ndone in 3.2s\n',
      kind: 'program',
      text: 'loading ⏎ done in <n>s',
    },
  ];
  for (const example of cases) {
    it(example.name, () => {
      expect(failureSignatureOf(example.logs)).toEqual({ kind: example.kind as never, text: example.text });
    });
  }

  it('reads the same for the same failure on other data, and differently for another failure', () => {
    const at = (time: string, id: string, path: string, error: string) =>
      `[${time}] processing ${id} from ${path}\nValueError: ${error}`;
    const one = failureSignatureOf(
      at('2026-12-02 10:00:01', 'task-1764000000000000001', '/data/a/1.csv', 'input contains NaN'),
    );
    const two = failureSignatureOf(
      at('2026-12-02 11:30:59', 'task-1764000000000009999', '/data/b/77.csv', 'input contains NaN'),
    );
    const other = failureSignatureOf(at('2026-12-02 11:30:59', 'task-1', '/data/b/77.csv', 'shapes do not match'));

    expect(one).toEqual(two);
    expect(other).not.toEqual(one);
  });
});

describe('maskLine', () => {
  it('masks times, ids, paths and numbers', () => {
    expect(maskLine('2026-12-02T10:00:01.5Z worker 3f2a9c1b7d4e5f60 wrote /var/lib/x/y.bin 12 times in 0x1f')).toBe(
      '<time> worker <id> wrote <path> <n> times in <n>',
    );
    expect(maskLine('run 550e8400-e29b-41d4-a716-446655440000 at 14:02:11')).toBe('run <id> at <time>');
  });
});
