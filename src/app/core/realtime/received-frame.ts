import { parseTelemetryFrame } from '../../shared/cloudai/parse-telemetry-frame';
import { ParsedTelemetryFrame } from '../../shared/cloudai/telemetry.model';
import { FrameEvent } from './socket-status';

/** A parsed frame with when it arrived (browser epoch ms) and whether it was a connection's snapshot. */
export interface ReceivedFrame extends ParsedTelemetryFrame {
  readonly at: number;
  readonly snapshot: boolean;
}

export function toReceivedFrame(event: FrameEvent): ReceivedFrame {
  return { ...parseTelemetryFrame(event.raw), at: event.at, snapshot: event.snapshot };
}

/** Whether a snapshot lists a worker the master considers active, whose heartbeats should follow. */
export function reportsActiveWorker(raw: string): boolean {
  return parseTelemetryFrame(raw).entries.some((entry) => entry.is_active);
}
