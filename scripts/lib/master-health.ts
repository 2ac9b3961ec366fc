import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What the master's `GET /health` said, as the dashboard's server needs it. */
export type MasterHealth =
  { readonly reachable: true; readonly simulator: boolean } | { readonly reachable: false; readonly reason: string };

const HEALTH_TIMEOUT_MS = 3000;

/**
 * The master's health, asked at most every `keepMs` (readiness probes come often, and every
 * config document needs to know whether the master is the simulator, which says so on `/health`).
 */
export class MasterHealthWatch {
  private latest: { readonly health: Promise<MasterHealth>; readonly at: number } | null = null;

  constructor(
    private readonly masterUrl: string,
    private readonly keepMs = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Promise<MasterHealth> {
    if (!this.latest || this.now() - this.latest.at >= this.keepMs) {
      this.latest = { health: askHealth(this.masterUrl), at: this.now() };
    }
    return this.latest.health;
  }
}

function askHealth(masterUrl: string): Promise<MasterHealth> {
  return new Promise((resolve) => {
    const url = new URL('/health', masterUrl);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const toMaster = send(url, { method: 'GET', timeout: HEALTH_TIMEOUT_MS, headers: { accept: 'application/json' } });
    const unreachable = (reason: string) => resolve({ reachable: false, reason });
    toMaster.on('timeout', () => toMaster.destroy(new Error(`no answer within ${HEALTH_TIMEOUT_MS / 1000} s`)));
    toMaster.on('error', (error: NodeJS.ErrnoException) =>
      unreachable(`${masterUrl} cannot be reached: ${error.code ?? error.message}`),
    );
    toMaster.on('response', (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('error', (error) => unreachable(`${masterUrl} dropped its /health answer: ${error.message}`));
      answer.on('end', () => {
        if (answer.statusCode !== 200) return unreachable(`${masterUrl}/health answered ${answer.statusCode}`);
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return unreachable(`${masterUrl}/health did not answer JSON: is this a CloudAI master?`);
        }
        resolve({ reachable: true, simulator: (body as { simulator?: unknown } | null)?.simulator === true });
      });
    });
    toMaster.end();
  });
}
