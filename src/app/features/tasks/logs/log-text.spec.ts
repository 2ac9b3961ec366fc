import { findLogMatches, plainLogText, sliceLogSegments, toLogRows, toLogSegments } from './log-text';

describe('log text', () => {
  const red = '\u001b[31m';
  const reset = '\u001b[0m';

  it('turns ANSI colours into classes and keeps markup as plain text', () => {
    const segments = toLogSegments(`${red}<b>error</b>${reset} done`);

    expect(segments.map((s) => [s.text, s.classes])).toEqual([
      ['<b>error</b>', 'ansi-red'],
      [' done', ''],
    ]);
  });

  it('gives 256-colour and true-colour codes a CSS colour', () => {
    expect(toLogSegments('\u001b[38;5;196mx')[0].color).toBe('rgb(255, 0, 0)');
    expect(toLogSegments('\u001b[38;2;10;20;30mx')[0].color).toBe('rgb(10, 20, 30)');
  });

  it('strips codes for search, wrapping and download', () => {
    expect(plainLogText(`${red}red${reset} plain`)).toBe('red plain');
  });

  it('finds every case-insensitive match with its position', () => {
    expect(findLogMatches(['Error one', 'none', 'error ERROR'], 'error')).toEqual([
      { line: 0, start: 0, end: 5 },
      { line: 2, start: 0, end: 5 },
      { line: 2, start: 6, end: 11 },
    ]);
    expect(findLogMatches(['x'], '')).toEqual([]);
  });

  it('marks matches inside styled segments and cuts rows out of a line', () => {
    const segments = toLogSegments(`${red}abcdef${reset}ghij`);
    const sliced = sliceLogSegments(segments, 2, 8, [{ line: 0, start: 4, end: 7 }]);

    expect(sliced.map((s) => [s.text, s.classes, s.match])).toEqual([
      ['cd', 'ansi-red', false],
      ['ef', 'ansi-red', true],
      ['g', '', true],
      ['h', '', false],
    ]);
  });

  it('wraps long lines into fixed-width rows and leaves short ones whole', () => {
    expect(toLogRows(['abcdefgh', 'ab'], 3)).toEqual([
      { line: 0, start: 0, end: 3 },
      { line: 0, start: 3, end: 6 },
      { line: 0, start: 6, end: 8 },
      { line: 1, start: 0, end: 2 },
    ]);
    expect(toLogRows(['abcdefgh'], null)).toEqual([{ line: 0, start: 0, end: 8 }]);
  });
});
