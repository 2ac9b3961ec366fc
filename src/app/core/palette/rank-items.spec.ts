import { PaletteItem, PaletteKind } from './palette-item';
import { PALETTE_LIMIT, indexItems, rankItems as rank } from './rank-items';

const rankItems = (query: string, items: readonly PaletteItem[], recent: readonly string[]) =>
  rank(query, indexItems(items), recent);

const item = (kind: PaletteKind, label: string, keywords = '', detail = ''): PaletteItem => ({
  key: `${kind}:${label}`,
  kind,
  label,
  keywords,
  detail,
  run: () => undefined,
});

const ITEMS: PaletteItem[] = [
  item('page', 'Dashboard', 'page /dashboard'),
  item('page', 'Workers', 'page /workers'),
  item('action', 'Use the dark theme', 'colour scheme'),
  item('task', 'task-7f3a2c91', 'python:3.12', 'python:3.12 · running'),
  item('task', 'task-0b44e7d2', 'ubuntu:24.04', 'ubuntu:24.04 · failed'),
  item('worker', 'atlas', '10.0.0.7:50051', '10.0.0.7:50051 · active'),
  item('worker', 'boreas', '10.0.0.9:50051', '10.0.0.9:50051 · late'),
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

  it('offers entries with a slip in a word only when none contains the words typed', () => {
    const items = [item('task', 'task-atls0001'), item('worker', 'atlas')];

    expect(labels(rankItems('atlas', items, []))).toEqual(['atlas']);
    expect(labels(rankItems('atls', items, []))).toEqual(['task-atls0001']);
    expect(labels(rankItems('atls', items.slice(1), []))).toEqual(['atlas']);
  });

  it('ranks a match at the start of a word ahead of one inside a word', () => {
    const items = [item('task', 'task-1', 'combatlog:2'), item('worker', 'atlas')];

    expect(labels(rankItems('atl', items, []))).toEqual(['atlas', 'task-1']);
  });

  it('forgives one slip in a word, not two', () => {
    expect(labels(rankItems('pyhton', ITEMS, []))).toEqual(['task-7f3a2c91']);
    expect(rankItems('pyhtno', ITEMS, [])).toEqual([]);
  });

  it('does not search what is only shown: a status is no keyword', () => {
    expect(rankItems('failed', ITEMS, [])).toEqual([]);
  });

  it('puts a recent entry ahead of an equally good match, and offers no worse kind for it', () => {
    const twins = [item('task', 'task-aaa1'), item('task', 'task-aaa2')];
    expect(labels(rankItems('task-aaa', twins, ['task:task-aaa2']))[0]).toBe('task-aaa2');
    expect(labels(rankItems('task-aaa', twins, ['task:task-aaa1']))[0]).toBe('task-aaa1');

    const items = [item('task', 'task-atls0001'), item('worker', 'atlas')];
    expect(labels(rankItems('atls', items, ['worker:atlas']))).toEqual(['task-atls0001']);
  });

  it('finds nothing for what nothing contains', () => {
    expect(rankItems('zzqx', ITEMS, [])).toEqual([]);
  });

  it('answers with at most the limit, the best first, across thousands of entries', () => {
    const many = Array.from({ length: 10_000 }, (_, index) => item('task', `task-${String(index).padStart(5, '0')}`));
    const containing = labels(many).filter((label) => label.includes('0999'));

    expect(containing.length).toBe(11);
    expect(labels(rankItems('task-0999', many, [])).sort()).toEqual(containing);
    expect(rankItems('task', many, []).length).toBe(PALETTE_LIMIT);
  });

  it('lists matches too many to rank in the order of the entries, recent ones first', () => {
    const many = Array.from({ length: 5_000 }, (_, index) => item('task', `task-${String(index).padStart(5, '0')}`));

    expect(labels(rankItems('task', many, ['task:task-04000']))).toEqual([
      'task-04000',
      ...many.slice(0, PALETTE_LIMIT - 1).map((entry) => entry.label),
    ]);
  });
});
