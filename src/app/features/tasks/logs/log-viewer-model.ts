import { LogMatch, LogRow, plainLogText } from './log-text';

/** Lines already turned into plain text, with the raw lines they came from. */
export interface PlainLines {
  readonly lines: readonly string[];
  readonly plain: readonly string[];
}

/**
 * Plain text of every line. While streaming the lines only grow, so what `previous` converted is
 * kept and only the appended lines are converted: stripping 100,000 lines on every batch would stall.
 */
export function extendPlainLines(lines: readonly string[], previous?: PlainLines): readonly string[] {
  const known = previous?.lines.length ?? 0;
  const grows =
    previous !== undefined && lines.length >= known && (known === 0 || lines[known - 1] === previous.lines[known - 1]);
  return grows ? previous.plain.concat(lines.slice(known).map(plainLogText)) : lines.map(plainLogText);
}

/** The matches of each line, for rows to look up their own. */
export function groupMatchesByLine(matches: readonly LogMatch[]): ReadonlyMap<number, readonly LogMatch[]> {
  const byLine = new Map<number, LogMatch[]>();
  for (const match of matches) {
    const list = byLine.get(match.line);
    if (list) list.push(match);
    else byLine.set(match.line, [match]);
  }
  return byLine;
}

/** The row a match starts in (an empty row still holds a match at its start); -1 when none does. */
export function matchRowIndex(rows: readonly LogRow[], match: LogMatch): number {
  return rows.findIndex((row) => row.line === match.line && match.start < Math.max(row.end, row.start + 1));
}
