import { formatDate } from '@angular/common';
import { clockTime } from './clock-time';

describe('clockTime', () => {
  it("gives local hours, minutes and seconds as Angular's HH:mm:ss does", () => {
    for (const epochMs of [0, 1_763_498_855_123, 1_763_470_805_000, Date.now()]) {
      expect(clockTime(epochMs)).toBe(formatDate(epochMs, 'HH:mm:ss', 'en-US'));
    }
  });
});
