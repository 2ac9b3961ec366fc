import { EventEmitter } from 'node:events';
import type { ContainerStatus } from './model.ts';
import { stampLine, type ScriptLine } from './log-script.ts';

export interface TaskRunEvents {
  line: [line: string];
  end: [status: ContainerStatus];
}

/** What a run will do once started. */
export interface RunPlan {
  script: readonly ScriptLine[];
  /** The container's own run time, after the pull; Infinity for a run that never ends (benchmark). */
  durationMs: number;
  succeeds: boolean;
  /** Image pull before the container exists. */
  pullMs: number;
  /** > 0 for a container that started before this process (seeded): its earlier output is already in `lines`. */
  elapsedMs: number;
}

/**
 * One task on a worker: an image pull during which no container exists, then a container that prints
 * its script spread over `durationMs` and exits. Subscribers (live log sockets) read `lines` for the
 * replay and listen for `line`/`end`.
 */
export class TaskRun extends EventEmitter<TaskRunEvents> {
  readonly lines: string[] = [];
  readonly succeeds: boolean;
  /** > 0: a benchmark run that streams this many generated lines to every log socket that connects. */
  benchLines = 0;
  private readonly timers: NodeJS.Timeout[] = [];
  private finished = false;
  private pulling: boolean;

  constructor(
    readonly taskId: string,
    readonly workerId: string,
    plan: RunPlan,
    private readonly onExit: (run: TaskRun) => void,
  ) {
    super();
    // Log sockets come and go; don't warn when many watch one task.
    this.setMaxListeners(0);
    this.succeeds = plan.succeeds;
    this.pulling = plan.pullMs > 0;
    if (this.pulling) {
      this.timers.push(
        setTimeout(() => {
          this.pulling = false;
          this.startContainer(plan, 0);
        }, plan.pullMs),
      );
    } else {
      this.startContainer(plan, plan.elapsedMs);
    }
  }

  /** True until the image is pulled: the worker has no container for this task yet. */
  get isPulling(): boolean {
    return this.pulling;
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

  /** Freezes output (container being stopped, or a pull abandoned) without announcing the end yet. */
  halt(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  private startContainer({ script, durationMs }: RunPlan, elapsedMs: number): void {
    // An endless run (benchmark) never exits on its own and prints nothing by itself.
    if (!Number.isFinite(durationMs)) return;
    const startedMs = Date.now() - elapsedMs;
    // The first line (the banner) comes out at once, as a container's first output does; the rest spread out.
    script.forEach((line, index) => {
      const at = (durationMs * index) / script.length;
      if (at <= elapsedMs) this.lines.push(stampLine(line, new Date(startedMs + at)));
      else this.timers.push(setTimeout(() => this.print(stampLine(line)), at - elapsedMs));
    });
    this.timers.push(setTimeout(() => this.onExit(this), Math.max(0, durationMs - elapsedMs)));
  }
}
