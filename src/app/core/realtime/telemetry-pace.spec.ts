import { ActivatedRouteSnapshot } from '@angular/router';
import { TELEMETRY_EVERY_MS, telemetryPaceOf } from './telemetry-pace';

describe('telemetryPaceOf', () => {
  /** A chain of routes, root first, each with its data. */
  const routes = (...data: Record<string, unknown>[]): ActivatedRouteSnapshot =>
    data.reduceRight<ActivatedRouteSnapshot | null>(
      (child, each) => ({ data: each, firstChild: child }) as unknown as ActivatedRouteSnapshot,
      null,
    )!;

  it('is the pace of the deepest route that asks for one, none where no route does', () => {
    expect(telemetryPaceOf(routes({}, {}))).toBeUndefined();
    expect(telemetryPaceOf(routes({}, { [TELEMETRY_EVERY_MS]: 1000 }))).toBe(1000);
    expect(telemetryPaceOf(routes({ [TELEMETRY_EVERY_MS]: 500 }, { [TELEMETRY_EVERY_MS]: 1000 }, {}))).toBe(1000);
    expect(telemetryPaceOf(routes({ [TELEMETRY_EVERY_MS]: 'soon' }))).toBeUndefined();
  });
});
