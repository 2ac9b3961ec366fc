import { ChipTone } from '../../../shared/ui/status-chip';

const TONE: Record<string, ChipTone> = {
  pending: 'info',
  running: 'warn',
  completed: 'ok',
  failed: 'danger',
  cancelled: 'neutral',
};

/** Known statuses get their colour; anything else the master stores is shown as it is, in a neutral chip. */
export function taskStatusTone(status: string): ChipTone {
  return TONE[status] ?? 'neutral';
}

/** The status as shown: itself, or a visible marker for the empty status the master can store. */
export function taskStatusLabel(status: string): string {
  return status === '' ? '(empty)' : status;
}
