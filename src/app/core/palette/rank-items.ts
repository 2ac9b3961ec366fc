import fuzzysort from 'fuzzysort';
import { PaletteItem } from './palette-item';

/** Entries shown at most: enough to scroll through, few enough to render at once. */
export const PALETTE_LIMIT = 30;

/** How much an entry chosen recently is preferred over an equally good match (scores run 0–1). */
const RECENT_BONUS = 0.15;

/** Matches weaker than this are left out: letters scattered over a long id say nothing. */
const THRESHOLD = 0.2;

/** An entry as it is searched: its label and detail as one string, prepared for fast matching. */
interface Target {
  readonly item: PaletteItem;
  readonly search: Fuzzysort.Prepared;
}

/** The entries, ready to be searched: built when they change, not on every key typed. */
export interface PaletteIndex {
  readonly items: readonly PaletteItem[];
  readonly targets: readonly Target[];
}

/** Preparing a string is most of the cost of a first search; an entry that outlives a refresh keeps its own. */
const prepared = new WeakMap<PaletteItem, Fuzzysort.Prepared>();

export function indexItems(items: readonly PaletteItem[]): PaletteIndex {
  const targets = items.map((item) => {
    let search = prepared.get(item);
    if (!search) {
      search = fuzzysort.prepare(`${item.label} ${item.detail}`);
      prepared.set(item, search);
    }
    return { item, search };
  });
  return { items, targets };
}

/**
 * The palette's answer to `query`:
 * - nothing typed: the recent entries (newest first) that still exist, then the pages and actions;
 * - otherwise fuzzy matches on the label and the detail ("atl" finds `atlas`, "pyt 3" finds
 *   `python:3.12`), best first; among the best, recent entries a little ahead.
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
  return fuzzysort
    .go(search, index.targets, { key: 'search', limit, threshold: THRESHOLD })
    .map((match) => ({
      item: match.obj.item,
      score: match.score + (recency.has(match.obj.item.key) ? RECENT_BONUS : 0),
    }))
    .sort((a, b) => b.score - a.score)
    .map((ranked) => ranked.item);
}
