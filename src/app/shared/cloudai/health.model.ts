/** `GET /health` (contract §5). `time` is unix seconds. */
export interface MasterHealth {
  readonly status: string;
  readonly time: number;
  readonly active_clients: number;
  readonly workers: number;
  readonly active_workers: number;
}
