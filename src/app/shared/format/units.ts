/** Number formatting with units, as operators read them: "12 cores", "7.5 GB", "41.7 %", in the browser's locale. */
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${oneDecimal.format(value)} %`;
}

export function formatCores(value: number): string {
  return `${oneDecimal.format(value)} ${value === 1 ? 'core' : 'cores'}`;
}

export function formatGb(value: number): string {
  return `${oneDecimal.format(value)} GB`;
}

export function formatGpus(value: number): string {
  return `${oneDecimal.format(value)} ${value === 1 ? 'GPU' : 'GPUs'}`;
}

/** Byte counts as file sizes: "834 B", "1.8 kB", "12.4 MB" (powers of 1000, as browsers show downloads). */
export function formatBytes(value: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let scaled = value;
  let unit = 0;
  while (scaled >= 1000 && unit < units.length - 1) {
    scaled /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? scaled : oneDecimal.format(scaled)} ${units[unit]}`;
}

/** "just now", "42 s ago", "3 min ago", "2 h ago", "5 d ago". */
export function formatAge(thenMs: number | null, nowMs: number): string {
  if (thenMs === null) {
    return 'never';
  }
  const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (seconds < 2) {
    return 'just now';
  }
  if (seconds < 120) {
    return `${seconds} s ago`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) {
    return `${minutes} min ago`;
  }
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.floor(hours / 24)} d ago`;
}

/** Share of a capacity in use, 0–1; 0 when there is no capacity. */
export function usedShare(used: number, total: number): number {
  return total > 0 ? Math.min(1, Math.max(0, used / total)) : 0;
}

/** The amber and red thresholds of resource bars: 70 % and 90 %. */
export function loadTone(share: number): 'ok' | 'warn' | 'danger' {
  if (share >= 0.9) {
    return 'danger';
  }
  return share >= 0.7 ? 'warn' : 'ok';
}
