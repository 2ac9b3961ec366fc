import { PaletteItem, PaletteKind } from './palette-item';
import { PALETTE_LIMIT, indexItems, rankItems as rank } from './rank-items';

const rankItems = (query: string, items: readonly PaletteItem[], recent: readonly string[]) =>
  rank(query, indexItems(items), recent);

const item = (kind: PaletteKind, label: string, detail = ''): PaletteItem => ({
  key: `${kind}:${label}`,
  kind,
  label,
  detail,
  run: () => undefined,
});

const ITEMS: PaletteItem[] = [
  item('page', 'Dashboard', 'page /dashboard'),
  item('page', 'Workers', 'page /workers'),
  item('action', 'Use the dark theme', 'colour scheme'),
  item('task', 'task-7f3a2c91', 'python:3.12 · running'),
  item('task', 'task-0b44e7d2', 'ubuntu:24.04 · failed'),
  item('worker', 'atlas', '10.0.0.7:50051 · active'),
  item('worker', 'boreas', '10.0.0.9:50051 · late'),
];
const labels = (items: readonly PaletteItem[]) => items.map((entry) => entry.label);

describe('rankItems', () => {
  it('offers the recent entries first, newest first, then the pages and actions, when nothing is typed', () => {
    expect(labels(rankItems('', ITEMS, ['worker:atlas', 'task:task-0b44e7d2', 'task:gone']))).toEqual([
      'atlas',
      'task-0b44e7d2',
      'Dashboard',
      'Workers',
      'Use the dark theme',
    ]);
  });

  it('finds a task by part of its id, a worker by part of its address, a task by its image', () => {
    expect(labels(rankItems('7f3a', ITEMS, []))[0]).toBe('task-7f3a2c91');
    expect(labels(rankItems('0.0.9', ITEMS, []))[0]).toBe('boreas');
    expect(labels(rankItems('ubuntu', ITEMS, []))[0]).toBe('task-0b44e7d2');
  });

  it('matches loosely: letters in order, not necessarily together', () => {
    expect(labels(rankItems('dshb', ITEMS, []))).toContain('Dashboard');
    expect(labels(rankItems('atls', ITEMS, []))[0]).toBe('atlas');
  });

  it('keeps what it prepared for an entry that outlives a refresh', () => {
    const index = indexItems(ITEMS);

    expect(indexItems(ITEMS).targets[3].search).toBe(index.targets[3].search);
  });

  it('puts a recent entry ahead of an equally good match', () => {
    const twins = [item('task', 'task-aaa1'), item('task', 'task-aaa2')];
    expect(labels(rankItems('task-aaa', twins, ['task:task-aaa2']))[0]).toBe('task-aaa2');
    expect(labels(rankItems('task-aaa', twins, ['task:task-aaa1']))[0]).toBe('task-aaa1');
  });

  it('finds nothing for what nothing contains', () => {
    expect(rankItems('zzqx', ITEMS, [])).toEqual([]);
  });

  it('answers with at most the limit, the best first, across thousands of entries', () => {
    const many = Array.from({ length: 10_000 }, (_, index) => item('task', `task-${String(index).padStart(5, '0')}`));
    const exact = Array.from({ length: 10 }, (_, digit) => `task-0999${digit}`);

    expect(
      labels(rankItems('task-0999', many, []))
        .slice(0, 10)
        .sort(),
    ).toEqual(exact);
    expect(rankItems('task', many, []).length).toBe(PALETTE_LIMIT);
  });
});
