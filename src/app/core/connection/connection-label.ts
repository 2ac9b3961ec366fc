import { MasterConnection } from './master-connection';

export type ConnectionTone = 'ok' | 'warn' | 'neutral';

export interface ConnectionLabel {
  readonly text: string;
  readonly tone: ConnectionTone;
  readonly icon: string;
  readonly explanation: string;
}

/** What the toolbar chip says about the master, in words an operator can act on. */
export function toConnectionLabel(
  connection: MasterConnection,
  formatTime: (epochMs: number) => string,
): ConnectionLabel {
  switch (connection.state) {
    case 'connecting':
      return {
        text: 'Connecting…',
        tone: 'warn',
        icon: 'sync',
        explanation: 'Contacting the CloudAI master for the first time.',
      };
    case 'reachable':
      return {
        text: 'Connected',
        tone: 'ok',
        icon: 'cloud_done',
        explanation: `The master answered at ${formatTime(connection.lastContact)}. It is checked every few seconds.`,
      };
    case 'unreachable':
      return {
        text:
          connection.lastContact === null
            ? 'Unreachable'
            : `Unreachable · data from ${formatTime(connection.lastContact)}`,
        tone: 'neutral',
        icon: 'cloud_off',
        explanation: `The master does not answer (${connection.reason}). Figures on screen may be out of date; the dashboard keeps retrying.`,
      };
  }
}
