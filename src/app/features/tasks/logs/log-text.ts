import Anser from 'anser';

/** A run of log text with one style. Rendered as a text node in a span: never as HTML. */
export interface LogSegment {
  readonly text: string;
  /** `ansi-red`, `ansi-bright-blue`, `ansi-bold`…, themed in the log viewer's styles. */
  readonly classes: string;
  /** CSS colours for 256-colour and true-colour codes, which have no class. */
  readonly color: string | null;
  readonly background: string | null;
  /** Part of a search match. */
  readonly match: boolean;
}

/** A range of one log line: a whole line, or one visual row of it when wrapping. */
export interface LogRow {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface LogMatch {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

const ESCAPE = '\u001b';

/** The line as plain text (ANSI codes removed), for search, wrapping and download. */
export function plainLogText(line: string): string {
  return line.includes(ESCAPE) ? Anser.ansiToText(line) : line;
}

/** The styled segments of a line; plain lines are one segment and skip the parser. */
export function toLogSegments(line: string): LogSegment[] {
  if (!line.includes(ESCAPE)) {
    return [{ text: line, classes: '', color: null, background: null, match: false }];
  }
  return Anser.ansiToJson(line, { json: true, use_classes: true, remove_empty: true }).map((entry) => ({
    text: entry.content,
    classes: [
      entry.fg && !isComputed(entry.fg) ? entry.fg : '',
      entry.bg && !isComputed(entry.bg) ? `${entry.bg}-bg` : '',
      ...entry.decorations.map((d) => `ansi-${d}`),
    ]
      .filter(Boolean)
      .join(' '),
    color: cssColour(entry.fg, entry.fg_truecolor),
    background: cssColour(entry.bg, entry.bg_truecolor),
    match: false,
  }));
}

function isComputed(colourClass: string): boolean {
  return colourClass === 'ansi-truecolor' || colourClass.startsWith('ansi-palette-');
}

/** 256-colour palette entries and true colours as CSS (the 16 basic colours have themed classes). */
function cssColour(colourClass: string | null, trueColour: string | null): string | null {
  if (colourClass === 'ansi-truecolor' && trueColour) return `rgb(${trueColour})`;
  const palette = colourClass?.startsWith('ansi-palette-') ? Number(colourClass.slice('ansi-palette-'.length)) : NaN;
  if (!Number.isInteger(palette) || palette < 16 || palette > 255) return null;
  if (palette >= 232) {
    const grey = 8 + (palette - 232) * 10;
    return `rgb(${grey}, ${grey}, ${grey})`;
  }
  const cube = palette - 16;
  const level = (step: number) => (step === 0 ? 0 : 55 + step * 40);
  return `rgb(${level(Math.floor(cube / 36))}, ${level(Math.floor(cube / 6) % 6)}, ${level(cube % 6)})`;
}

/** Segments cut to `[start, end)` of the plain text, with the parts inside `matches` marked. */
export function sliceLogSegments(
  segments: readonly LogSegment[],
  start: number,
  end: number,
  matches: readonly LogMatch[],
): LogSegment[] {
  const cuts = new Set<number>([start, end]);
  for (const match of matches) {
    cuts.add(Math.min(Math.max(match.start, start), end));
    cuts.add(Math.min(Math.max(match.end, start), end));
  }
  const result: LogSegment[] = [];
  let offset = 0;
  for (const segment of segments) {
    const segmentEnd = offset + segment.text.length;
    const points = [...cuts].filter((cut) => cut > offset && cut < segmentEnd);
    const bounds = [Math.max(offset, start), ...points, Math.min(segmentEnd, end)].sort((a, b) => a - b);
    for (let i = 0; i + 1 < bounds.length; i += 1) {
      const [from, to] = [bounds[i], bounds[i + 1]];
      if (to <= from || from < start || to > end) continue;
      result.push({
        ...segment,
        text: segment.text.slice(from - offset, to - offset),
        match: matches.some((match) => match.start <= from && match.end >= to),
      });
    }
    offset = segmentEnd;
  }
  return result;
}

/** Every case-insensitive occurrence of `term`, in line order; capped so a one-letter search stays fast. */
export function findLogMatches(plainLines: readonly string[], term: string, limit = 100_000): LogMatch[] {
  const needle = term.toLowerCase();
  const matches: LogMatch[] = [];
  if (needle === '') return matches;
  for (let line = 0; line < plainLines.length && matches.length < limit; line += 1) {
    const haystack = plainLines[line].toLowerCase();
    let from = haystack.indexOf(needle);
    while (from !== -1 && matches.length < limit) {
      matches.push({ line, start: from, end: from + needle.length });
      from = haystack.indexOf(needle, from + needle.length);
    }
  }
  return matches;
}

/**
 * The rows to render: one per line, or with `columns` each line cut into rows of that many
 * characters, so wrapped logs keep a fixed row height and stay virtualised.
 */
export function toLogRows(plainLines: readonly string[], columns: number | null): LogRow[] {
  const rows: LogRow[] = [];
  for (let line = 0; line < plainLines.length; line += 1) {
    const length = plainLines[line].length;
    if (columns === null || length <= columns) {
      rows.push({ line, start: 0, end: length });
      continue;
    }
    for (let start = 0; start < length; start += columns) {
      rows.push({ line, start, end: Math.min(start + columns, length) });
    }
  }
  return rows;
}
