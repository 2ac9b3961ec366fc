import { ConnectionState } from '../realtime/connection-state';

export type ConnectionTone = 'ok' | 'warn' | 'neutral';

export interface ConnectionLabel {
  readonly text: string;
  readonly tone: ConnectionTone;
  readonly icon: string;
  readonly explanation: string;
}

/** What the toolbar chip says about the connection, in words an operator can act on. */
export function toConnectionLabel(state: ConnectionState, formatTime: (epochMs: number) => string): ConnectionLabel {
  const label = describeConnection(state, formatTime);
  return state.clockOffsetMs === 0
    ? label
    : { ...label, explanation: `${label.explanation} ${clockNote(state.clockOffsetMs)}` };
}

/** The master's clock is off: say by how much, and that the dashboard allows for it. */
function clockNote(offsetMs: number): string {
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  const amount = seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
  return `The master's clock is ${amount} ${offsetMs > 0 ? 'ahead of' : 'behind'} this browser's; ages and worker freshness allow for it.`;
}

function describeConnection(state: ConnectionState, formatTime: (epochMs: number) => string): ConnectionLabel {
  const dataFrom = state.lastMessageAt === null ? '' : ` · data from ${formatTime(state.lastMessageAt)}`;
  const lastData =
    state.lastMessageAt === null
      ? 'No data has arrived yet.'
      : `The figures on screen are from ${formatTime(state.lastMessageAt)}.`;
  switch (state.kind) {
    case 'connecting':
      return {
        text: 'Connecting…',
        tone: 'warn',
        icon: 'sync',
        explanation: 'Opening the live connection to the CloudAI master.',
      };
    case 'live':
      return {
        text: 'Live',
        tone: 'ok',
        icon: 'sensors',
        explanation: 'Worker telemetry streams live from the master; tasks refresh every few seconds.',
      };
    case 'stale': {
      const silentFor = Math.round((state.checkedAt - (state.lastMessageAt ?? state.checkedAt)) / 1000);
      return {
        text: `Stale${dataFrom}`,
        tone: 'warn',
        icon: 'hourglass_bottom',
        explanation: `The connection is open but nothing arrived for ${silentFor} s, although workers report every few seconds. The connection or the workers may be stuck.`,
      };
    }
    case 'reconnecting': {
      const inSeconds = Math.ceil((state.retryAt - state.checkedAt) / 1000);
      return {
        text: inSeconds > 0 ? `Reconnecting in ${inSeconds} s` : 'Reconnecting…',
        tone: 'warn',
        icon: 'sync_problem',
        explanation: `The live connection was lost (${state.reason}). Attempt ${state.attempt}; the dashboard keeps retrying. ${lastData}`,
      };
    }
    case 'offline':
      return {
        text: `Offline${dataFrom}`,
        tone: 'neutral',
        icon: 'cloud_off',
        explanation: `The browser is offline. The dashboard reconnects as soon as the network is back. ${lastData}`,
      };
    case 'degraded':
      return {
        text: 'Polling',
        tone: 'warn',
        icon: 'swap_vert',
        explanation: `The live connection is down, so worker figures are polled instead. The dashboard keeps trying to reconnect (attempt ${state.attempt}). ${lastData}`,
      };
    case 'outdated':
      return {
        text: 'Reload needed',
        tone: 'warn',
        icon: 'system_update',
        explanation:
          "The dashboard's server no longer has the live-data code this page was built with: a new version has probably been installed. Reload the page to get it; until then nothing on screen updates.",
      };
  }
}
