import fuzzysort from 'fuzzysort';
import { PaletteItem } from './palette-item';

/** Entries shown at most: enough to scroll through, few enough to render at once. */
export const PALETTE_LIMIT = 50;

/** How much an entry chosen recently is preferred over an equally good match (scores run 0–1). */
const RECENT_BONUS = 0.15;

/**
 * The palette's answer to `query`:
 * - nothing typed: the recent entries (newest first) that still exist, then the pages and actions;
 * - otherwise fuzzy matches on the label and the detail ("atl" finds `atlas`, "pyt 3" finds
 *   `python:3.12`), best first, recent entries a little ahead.
 */
export function rankItems(
  query: string,
  items: readonly PaletteItem[],
  recentKeys: readonly string[],
  limit = PALETTE_LIMIT,
): PaletteItem[] {
  const recency = new Map(recentKeys.map((key, index) => [key, index]));
  const search = query.trim();
  if (search === '') {
    const recent = items
      .filter((item) => recency.has(item.key))
      .sort((a, b) => recency.get(a.key)! - recency.get(b.key)!);
    const rest = items.filter((item) => !recency.has(item.key) && (item.kind === 'page' || item.kind === 'action'));
    return [...recent, ...rest].slice(0, limit);
  }
  const matches = fuzzysort.go(search, items, { keys: ['label', 'detail'], limit: limit * 4, threshold: 0.2 });
  return matches
    .map((match) => ({ item: match.obj, score: match.score + (recency.has(match.obj.key) ? RECENT_BONUS : 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((ranked) => ranked.item);
}
