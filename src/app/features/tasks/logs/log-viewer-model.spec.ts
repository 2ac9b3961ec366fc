import { extendPlainLines, groupMatchesByLine, matchRowIndex } from './log-viewer-model';

describe('log viewer model', () => {
  const red = '\u001b[31m';
  const reset = '\u001b[0m';

  describe('extendPlainLines', () => {
    it('strips the codes of every line', () => {
      expect(extendPlainLines([`${red}a${reset}`, 'b'])).toEqual(['a', 'b']);
    });

    it('keeps what was converted when lines are appended, and converts only the new ones', () => {
      const lines = [`${red}a${reset}`, 'b'];
      // A stand-in for the kept text: a reconversion would not keep it.
      const previous = { lines, plain: ['kept a', 'kept b'] };

      expect(extendPlainLines([...lines, `${red}c${reset}`], previous)).toEqual(['kept a', 'kept b', 'c']);
    });

    it('converts everything again when the lines were replaced rather than extended', () => {
      const previous = { lines: ['a', 'b'], plain: ['kept a', 'kept b'] };

      expect(extendPlainLines(['a', 'x', 'c'], previous)).toEqual(['a', 'x', 'c']);
      expect(extendPlainLines(['a'], previous)).toEqual(['a']);
    });

    it('never changes the previous text it extends', () => {
      const previous = { lines: ['a'], plain: ['a'] };

      const next = extendPlainLines(['a', 'b'], previous);

      expect(previous.plain).toEqual(['a']);
      expect(next).not.toBe(previous.plain);
    });
  });

  it('groups matches by line, in order', () => {
    const byLine = groupMatchesByLine([
      { line: 0, start: 0, end: 1 },
      { line: 2, start: 0, end: 1 },
      { line: 2, start: 4, end: 5 },
    ]);

    expect([...byLine.keys()]).toEqual([0, 2]);
    expect(byLine.get(2)).toEqual([
      { line: 2, start: 0, end: 1 },
      { line: 2, start: 4, end: 5 },
    ]);
    expect(byLine.get(1)).toBeUndefined();
  });

  it('finds the wrapped row a match starts in, empty rows included', () => {
    const rows = [
      { line: 0, start: 0, end: 3 },
      { line: 0, start: 3, end: 5 },
      { line: 1, start: 0, end: 0 },
    ];

    expect(matchRowIndex(rows, { line: 0, start: 4, end: 5 })).toBe(1);
    expect(matchRowIndex(rows, { line: 1, start: 0, end: 0 })).toBe(2);
    expect(matchRowIndex(rows, { line: 7, start: 0, end: 1 })).toBe(-1);
  });
});
