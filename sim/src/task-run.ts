import { EventEmitter } from 'node:events';
import type { ContainerStatus } from './model.ts';
import { stampLine, type ScriptLine } from './log-script.ts';

export interface TaskRunEvents {
  line: [line: string];
  end: [status: ContainerStatus];
}

/**
 * One simulated container: prints its script spread over `durationMs`, then exits.
 * Subscribers (live log sockets) read `lines` for the replay and listen for `line`/`end`.
 */
export class TaskRun extends EventEmitter<TaskRunEvents> {
  readonly lines: string[] = [];
  /** > 0: a benchmark run that streams this many generated lines to every log socket that connects. */
  benchLines = 0;
  private readonly timers: NodeJS.Timeout[] = [];
  private finished = false;

  constructor(
    readonly taskId: string,
    readonly workerId: string,
    script: readonly ScriptLine[],
    readonly durationMs: number,
    readonly succeeds: boolean,
    onExit: (run: TaskRun) => void,
    /** > 0 for a container that started before this process (seeded): its earlier output is already in `lines`. */
    elapsedMs = 0,
  ) {
    super();
    // Log sockets come and go; don't warn when many watch one task.
    this.setMaxListeners(0);
    // An endless run (benchmark) never exits on its own and prints nothing by itself.
    if (!Number.isFinite(durationMs)) return;
    const startedMs = Date.now() - elapsedMs;
    // The first line (the banner) comes out at once, as a container's first output does; the rest spread out.
    script.forEach((line, index) => {
      const at = (durationMs * index) / script.length;
      if (at <= elapsedMs) this.lines.push(stampLine(line, new Date(startedMs + at)));
      else this.timers.push(setTimeout(() => this.print(stampLine(line)), at - elapsedMs));
    });
    this.timers.push(setTimeout(() => onExit(this), Math.max(0, durationMs - elapsedMs)));
  }

  get isFinished(): boolean {
    return this.finished;
  }

  print(line: string): void {
    if (this.finished) return;
    this.lines.push(line);
    this.emit('line', line);
  }

  /** Stops the container; the caller has already recorded the outcome. */
  end(status: ContainerStatus): void {
    if (this.finished) return;
    for (const timer of this.timers) clearTimeout(timer);
    this.finished = true;
    this.emit('end', status);
    this.removeAllListeners();
  }

  /** Freezes output (container being stopped) without announcing the end yet. */
  halt(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }
}
