import uFuzzy from '@leeoniya/ufuzzy';
import { PaletteItem } from './palette-item';

/** Entries shown at most: enough to scroll through, few enough to render at once. */
export const PALETTE_LIMIT = 30;

/**
 * Ranking a match costs more than finding it: above this many, matches are listed in the order of
 * the entries (commands, then tasks as the master lists them, then workers). So many matches say
 * the words typed are too common to rank by anyway ("task", "10.0").
 */
const RANK_AT_MOST = 1000;

/** uFuzzy's modes (its enum is declared `const`, which a build of one file at a time cannot read). */
const MULTI_INSERT = 0;
const SINGLE_ERROR = 1;

/** Each word typed found whole, in order: "pyt 3" finds `python:3.12`, "7f3a" finds `task-7f3a2c91`. */
const wholeWords = new uFuzzy({ intraMode: MULTI_INSERT, intraIns: 0 });

/** Each word typed found with at most one slip: a letter missing, extra, wrong or swapped ("atls", "pyhton"). */
const oneSlip = new uFuzzy({ intraMode: SINGLE_ERROR });

/** The entries as searched: each one's label and keywords as one text, made when the entries change. */
export interface PaletteIndex {
  readonly items: readonly PaletteItem[];
  /** Searched in place by the matcher, never changed. */
  readonly texts: string[];
}

export function indexItems(items: readonly PaletteItem[]): PaletteIndex {
  return { items, texts: items.map((item) => `${item.label} ${item.keywords}`) };
}

/**
 * The palette's answer to `query`:
 * - nothing typed: the recent entries (newest first) that still exist, then the pages and actions;
 * - otherwise the entries containing each word typed, in order, best first ("pyt 3" finds
 *   `python:3.12`); when none does, those that contain them with one slip each ("atls" finds
 *   `atlas`). Recent entries come first.
 */
export function rankItems(
  query: string,
  index: PaletteIndex,
  recentKeys: readonly string[],
  limit = PALETTE_LIMIT,
): PaletteItem[] {
  const recency = new Map(recentKeys.map((key, position) => [key, position]));
  const search = query.trim();
  if (search === '') {
    const recent = index.items
      .filter((item) => recency.has(item.key))
      .sort((a, b) => recency.get(a.key)! - recency.get(b.key)!);
    const rest = index.items.filter(
      (item) => !recency.has(item.key) && (item.kind === 'page' || item.kind === 'action'),
    );
    return [...recent, ...rest].slice(0, limit);
  }
  // A short query can match every task: only the recent matches and the first few others are kept.
  const recentFirst = (positions: readonly number[], room: number) => {
    const recent: PaletteItem[] = [];
    const others: PaletteItem[] = [];
    for (const position of positions) {
      const item = index.items[position];
      if (recency.has(item.key)) recent.push(item);
      else if (others.length < room) others.push(item);
    }
    return [...recent, ...others];
  };
  const whole = matchesOf(wholeWords, index, search);
  return recentFirst(whole.length > 0 ? whole : matchesOf(oneSlip, index, search), limit).slice(0, limit);
}

/**
 * Searches for what nobody typed, both ways, and forgets the answers: the browser compiles the
 * matcher on its first use, which would otherwise make the first keys typed take several frames.
 * The end of the last entry's name is typical of what an operator types (part of an id).
 */
export function warmUp(index: PaletteIndex): void {
  const last = index.items[index.items.length - 1];
  if (!last) return;
  for (const finder of [wholeWords, oneSlip]) matchesOf(finder, index, last.label.slice(-4));
}

/** The positions of the entries `finder` matches, best first when there are few enough to rank. */
function matchesOf(finder: uFuzzy, index: PaletteIndex, search: string): number[] {
  const positions = finder.filter(index.texts, search);
  if (!positions || positions.length === 0 || positions.length > RANK_AT_MOST) return positions ?? [];
  const info = finder.info(positions, index.texts, search);
  return finder.sort(info, index.texts, search).map((order) => info.idx[order]);
}
