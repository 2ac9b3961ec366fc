import { unixSeconds } from './go-http.ts';
import { fileTimestamp } from './output-files.ts';

/**
 * The master's clock as its answers show it: the real clock shifted by --clock-offset-ms. Every timestamp
 * on the wire goes through here; internal timing (timeouts, scheduling) stays on the real clock.
 */
export class WireClock {
  constructor(
    readonly offsetMs: number,
    /** --precise-timestamps: telemetry times as fractional seconds (ms precision). */
    private readonly preciseTelemetry: boolean,
  ) {}

  /** Whole unix seconds. */
  seconds(ms: number = Date.now()): number {
    return unixSeconds(ms + this.offsetMs);
  }

  /** A telemetry `last_update`. */
  telemetrySeconds(ms: number): number {
    return this.preciseTelemetry ? (ms + this.offsetMs) / 1000 : this.seconds(ms);
  }

  /** The file listing's local wall-clock `timestamp` string. */
  fileTimestamp(ms: number): string {
    return fileTimestamp(ms + this.offsetMs);
  }
}
