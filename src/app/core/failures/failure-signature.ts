import Anser from 'anser';

/** How a task failed, as far as its stored result says. */
export type FailureKind =
  /** The worker stopped while the task ran (the master's own line). */
  | 'worker-stopped'
  /** The master (or the simulator standing in for it) restarted while the task ran. */
  | 'master-restarted'
  /** The image could not be pulled, or the container not created or started. */
  | 'container'
  /** The task's own program failed. */
  | 'program'
  /** Nothing stored to tell. */
  | 'no-output';

export interface FailureSignature {
  readonly kind: FailureKind;
  /** The last meaningful line(s), with numbers, ids, paths and times masked: the same for the same failure. */
  readonly text: string;
}

/** How many meaningful lines at the end of the log make the signature. */
const SIGNATURE_LINES = 2;

const WORKER_STOPPED = /worker was terminated while task was running/i;
const MASTER_RESTARTED = /(master|simulator) restarted while the task was running/i;
const CONTAINER =
  /pull access denied|manifest unknown|failed to pull|error pulling|image .* not found|failed to (create|start) container|no such image|OCI runtime/i;
/** Lines that say something went wrong: preferred over whatever came last. */
const ERROR_LINE =
  /error|exception|fail|fatal|panic|killed|denied|refused|not found|traceback|exit(ed)? (code|status)/i;
/** Lines that carry no meaning of their own: progress, separators, a bare traceback header. */
const NOISE = /^(\W*|\s*progress\b.*|\s*\d+\s*%.*|traceback \(most recent call last\):?)$/i;

/**
 * The signature of a failed task's stored logs: the kind of failure and its last meaningful line(s),
 * masked so that the same failure on other data reads the same. Stored lines may have lost their
 * first 8 characters (a worker bug), so masking also makes such lines comparable.
 */
export function failureSignatureOf(logs: string): FailureSignature {
  const lines = meaningfulLines(logs);
  const all = lines.join('\n');
  const kind: FailureKind = WORKER_STOPPED.test(all)
    ? 'worker-stopped'
    : MASTER_RESTARTED.test(all)
      ? 'master-restarted'
      : CONTAINER.test(all)
        ? 'container'
        : lines.length === 0
          ? 'no-output'
          : 'program';
  return { kind, text: signatureText(lines).map(maskLine).join(' ⏎ ') };
}

/** The end of a log long enough to hold its last meaningful lines: a long log is not read whole. */
const TAIL_CHARS = 16_384;

function meaningfulLines(logs: string): string[] {
  // A cut line at the start of the tail is dropped with the rest of the head.
  const tail = logs.length > TAIL_CHARS ? logs.slice(logs.indexOf('\n', logs.length - TAIL_CHARS) + 1) : logs;
  return tail
    .split('\n')
    .map((line) => {
      // A terminal shows what follows the last carriage return (a trailing one moves nothing).
      const drawn = line.replace(/\r+$/, '');
      const shown = drawn.slice(drawn.lastIndexOf('\r') + 1);
      return (shown.includes('\u001b') ? Anser.ansiToText(shown) : shown).trim();
    })
    .filter((line) => line !== '' && !NOISE.test(line));
}

/** The last error line and the one before it; the last lines when none reads as an error. */
function signatureText(lines: readonly string[]): readonly string[] {
  let last = lines.length - 1;
  while (last >= 0 && !ERROR_LINE.test(lines[last])) last -= 1;
  const end = last >= 0 ? last + 1 : lines.length;
  return lines.slice(Math.max(0, end - SIGNATURE_LINES), end);
}

/** Times, ids, paths and numbers replaced by placeholders, in that order (a time is also numbers). */
export function maskLine(line: string): string {
  return line
    .replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g, '<time>')
    .replace(/\b\d{1,2}:\d{2}:\d{2}(\.\d+)?\b/g, '<time>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
    .replace(/\btask-\d+\b/g, '<task>')
    .replace(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b/gi, '<id>')
    .replace(/(?:[A-Za-z]:)?(?:\/[\w.@+-]+){2,}\/?/g, '<path>')
    .replace(/0x[0-9a-f]+/gi, '<n>')
    .replace(/\d+(?:\.\d+)?/g, '<n>')
    .replace(/\s+/g, ' ');
}
