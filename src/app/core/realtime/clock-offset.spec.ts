import { NO_CLOCK_SAMPLES, addClockSamples, clockOffsetMs } from './clock-offset';

describe('clock offset estimate', () => {
  const tenMinutes = 10 * 60_000;

  it('takes the largest sample: delivery delay and second truncation only ever make samples smaller', () => {
    let estimate = addClockSamples(NO_CLOCK_SAMPLES, [tenMinutes - 900, tenMinutes - 40], 1_000);
    estimate = addClockSamples(estimate, [tenMinutes - 300], 6_000);

    expect(clockOffsetMs(estimate)).toBe(tenMinutes - 40);
  });

  it('estimates a master behind the browser as a negative offset', () => {
    const estimate = addClockSamples(NO_CLOCK_SAMPLES, [-tenMinutes - 700], 1_000);

    expect(clockOffsetMs(estimate)).toBe(-tenMinutes - 700);
  });

  it('treats a second or so as no offset, so a synchronised master never jitters', () => {
    expect(clockOffsetMs(addClockSamples(NO_CLOCK_SAMPLES, [-980, -120], 1_000))).toBe(0);
    expect(clockOffsetMs(NO_CLOCK_SAMPLES)).toBe(0);
  });

  it('forgets samples older than two minutes, following a master whose clock was corrected', () => {
    let estimate = addClockSamples(NO_CLOCK_SAMPLES, [tenMinutes], 0);
    estimate = addClockSamples(estimate, [-50], 60_000);
    expect(clockOffsetMs(estimate)).toBe(tenMinutes);

    estimate = addClockSamples(estimate, [-20], 125_000);
    expect(clockOffsetMs(estimate)).toBe(0);
    expect(estimate.buckets.length).toBe(2);
  });
});
