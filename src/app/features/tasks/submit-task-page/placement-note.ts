import { PendingReason, describeFitting, describePendingReason } from '../data/pending-reason';

/** What the submit form says about where the task could run; `warn` when it would wait forever or long. */
export interface PlacementNote {
  readonly text: string;
  readonly warn: boolean;
}

/** The reason a task with these amounts would be pending, said before it is submitted. */
export function placementNoteOf(reason: PendingReason): PlacementNote {
  switch (reason.kind) {
    case 'no-workers':
    case 'never':
      return { text: `No worker could ever run this task: ${describePendingReason(reason)}.`, warn: true };
    case 'unknown':
      return { text: `Whether a worker could run this is unknown: ${describePendingReason(reason)}.`, warn: false };
    case 'inactive':
      return {
        text: `Only inactive workers have room for this (${describeFitting(reason.fitting)}): it waits until one is back.`,
        warn: true,
      };
    case 'busy':
      return {
        text: `It would wait: ${reason.fitting.count === 1 ? 'one worker has' : `${reason.fitting.count} workers have`} the capacity, none the free room now.`,
        warn: false,
      };
    case 'ready':
    case 'lost':
      return {
        text: `Fits ${reason.fitting.count === 1 ? reason.best.id : `${reason.fitting.count} workers`} now.`,
        warn: false,
      };
  }
}
