/**
 * Epoch ms as the browser's local wall-clock time, `HH:mm:ss`. Small on purpose: the toolbar is
 * on the first screen, and Angular's `formatDate` would bring its whole date-format engine there.
 */
export function clockTime(epochMs: number): string {
  const time = new Date(epochMs);
  return [time.getHours(), time.getMinutes(), time.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}
