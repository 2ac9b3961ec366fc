import { formatAge, formatCores, formatGb, formatPercent, loadTone, usedShare } from './units';

describe('units', () => {
  it('formats figures with their units', () => {
    expect(formatPercent(41.66)).toBe('41.7 %');
    expect(formatPercent(null)).toBe('–');
    expect(formatCores(1)).toBe('1 core');
    expect(formatCores(12)).toBe('12 cores');
    expect(formatGb(7.25)).toBe('7.3 GB');
  });

  it('says how long ago something happened', () => {
    expect(formatAge(null, 0)).toBe('never');
    expect(formatAge(10_000, 10_500)).toBe('just now');
    expect(formatAge(0, 42_000)).toBe('42 s ago');
    expect(formatAge(0, 180_000)).toBe('3 min ago');
    expect(formatAge(0, 3 * 3_600_000)).toBe('3 h ago');
    expect(formatAge(0, 72 * 3_600_000)).toBe('3 d ago');
  });

  it('turns amber at 70 % and red at 90 %', () => {
    expect(loadTone(0.69)).toBe('ok');
    expect(loadTone(0.7)).toBe('warn');
    expect(loadTone(0.89)).toBe('warn');
    expect(loadTone(0.9)).toBe('danger');
  });

  it('computes a share of capacity, safe for zero capacity', () => {
    expect(usedShare(3, 4)).toBe(0.75);
    expect(usedShare(3, 0)).toBe(0);
    expect(usedShare(5, 4)).toBe(1);
  });
});
