import type { Random } from './random.ts';
import type { TaskRecord } from './model.ts';

/** One line a simulated container will print; `stamped` lines get a Python-style wall-clock prefix when printed. */
export interface ScriptLine {
  text: string;
  stamped: boolean;
}

/** The last line of a cancelled task's log. */
export const CANCEL_LINE = 'Task was cancelled by user request';

const GREEN = '\x1b[32m';
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const BOLD_BLUE = '\x1b[1;34m';
const RESET = '\x1b[0m';

export function stampLine(line: ScriptLine, now: Date = new Date()): string {
  if (!line.stamped) return line.text;
  const iso = now.toISOString();
  return `[${iso.slice(0, 10)} ${iso.slice(11, 23)}${String(Math.floor((performance.now() % 1) * 1000)).padStart(3, '0')}] ${line.text}`;
}

function bar(done: number, total: number): string {
  const width = 20;
  const filled = Math.round((done / total) * width);
  return `${'='.repeat(Math.max(0, filled - 1))}${filled > 0 ? '>' : ''}${'.'.repeat(width - filled)}`;
}

function bodyLines(rng: Random, task: TaskRecord): ScriptLine[] {
  const lines: ScriptLine[] = [];
  const tag = task.tag || (task.gpu_required > 0 ? 'gpu-training' : 'mixed');
  if (tag.startsWith('gpu')) {
    lines.push({ text: `${YELLOW}WARNING${RESET}: cuDNN autotuner enabled; first iterations will be slow`, stamped: false });
    lines.push({ text: `Found ${Math.max(1, task.gpu_required)} CUDA device(s): NVIDIA A10G (24 GB)`, stamped: true });
    const epochs = rng.int(3, 6);
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const steps = rng.int(80, 200);
      const partial = rng.int(5, steps - 5);
      const loss = (1.2 / epoch + rng.between(0, 0.1)).toFixed(4);
      lines.push({ text: `Epoch ${epoch}/${epochs}`, stamped: false });
      // Keras-style progress: the terminal overwrites the bar in place with \r.
      lines.push({
        text: `${String(partial).padStart(3)}/${steps} [${bar(partial, steps)}] - ETA: ${rng.int(5, 60)}s\r${steps}/${steps} [${bar(steps, steps)}] - ${rng.int(8, 40)}s ${rng.int(60, 240)}ms/step - loss: ${loss}`,
        stamped: false,
      });
    }
  } else if (tag === 'memory-heavy') {
    const gb = Math.max(1, Math.round(task.memory_required * 0.8));
    lines.push({ text: `Allocating ${gb} GB working set in 256 MB chunks...`, stamped: true });
    for (let chunk = 1; chunk <= rng.int(4, 8); chunk++) {
      lines.push({ text: `Resident set size: ${Math.round((gb * 1024 * chunk) / 8)} MB`, stamped: true });
    }
    lines.push({ text: `Sorting ${rng.int(10, 90)} million records in memory`, stamped: true });
  } else {
    const processes = tag === 'cpu-light' ? 1 : rng.int(2, 4);
    for (let process = 1; process <= processes; process++) {
      const size = rng.int(200, 600);
      const operations = rng.int(20, 90);
      lines.push({ text: `Starting CPU-Intensive Process ${process}: Matrix Operations`, stamped: true });
      lines.push({ text: `Performing ${operations} matrix operations starting from ${size}x${size}...`, stamped: true });
      for (const percent of [25, 50, 75, 100]) {
        lines.push({ text: `  progress ${percent}%\r`, stamped: false });
      }
      lines.push({ text: `Process ${process} finished ${operations} operations in ${rng.between(1, 30).toFixed(2)}s`, stamped: true });
    }
  }
  return lines;
}

/** The whole output of one simulated container, start to exit. */
export function buildLogScript(rng: Random, task: TaskRecord, succeeds: boolean): ScriptLine[] {
  const lines: ScriptLine[] = [
    { text: `${BOLD_BLUE}==>${RESET} Starting ${task.docker_image}${task.command ? ` (${task.command})` : ''}`, stamped: false },
    { text: `Resources: ${task.cpu_required} CPU, ${task.memory_required} GB RAM, ${task.gpu_required} GPU`, stamped: true },
    ...bodyLines(rng, task),
  ];
  if (succeeds) {
    lines.push({ text: `${GREEN}✔ Done${RESET}`, stamped: true });
  } else {
    const reason = rng.pick(['MemoryError: unable to allocate array', 'RuntimeError: CUDA error: device-side assert triggered', 'ValueError: input contains NaN']);
    lines.push({ text: 'Traceback (most recent call last):', stamped: false });
    lines.push({ text: '  File "/app/main.py", line 42, in <module>', stamped: false });
    lines.push({ text: `${RED}${reason}${RESET}`, stamped: false });
  }
  return lines;
}

const BENCH_STAGES = ['data', 'train', 'eval', 'checkpoint', 'io'] as const;

/**
 * Line `index` (0-based) of a benchmark log of `total` lines: varied, some with ANSI colours, a few long,
 * every one carrying its number so a benchmark can find it; the last one says how many lines there were.
 */
export function benchLogLine(index: number, total: number, now: Date = new Date()): string {
  const n = index + 1;
  if (n === total) return `${GREEN}✔ Done${RESET}: ${total} lines`;
  const stamp = `[${now.toISOString().slice(0, 10)} ${now.toISOString().slice(11, 23)}]`;
  const stage = BENCH_STAGES[n % BENCH_STAGES.length];
  // A cheap deterministic spread of values so lines differ without using the simulation's random stream.
  const hash = Math.imul(n, 2654435761) >>> 0;
  const loss = (2 / Math.sqrt(n) + (hash % 1000) / 20000).toFixed(4);
  switch (hash % 10) {
    case 0:
      return `${YELLOW}WARNING${RESET}: step ${n}/${total}: ${stage} queue is ${hash % 97}% full, throttling reader`;
    case 1:
      return `${BOLD_BLUE}==>${RESET} step ${n}/${total} ${stage}: saved /ckpt/model-${String(n).padStart(7, '0')}.pt (${(hash % 900) + 100} MB)`;
    case 2:
      return `${RED}ERROR${RESET} step ${n}/${total}: transient ${stage} failure (errno ${hash % 128}), retrying in ${hash % 5} s`;
    case 3:
      return `${stamp} step ${n}/${total} ${stage} batch=${hash % 512} shape=[${(hash % 64) + 1}, 3, 224, 224] ${'metrics '.repeat(8)}lr=${((hash % 100) / 1e5).toExponential(2)} loss=${loss}`;
    case 4:
      return `  ${String(n).padStart(7)}/${total} [${bar(n % 20, 20)}] - ${(hash % 300) + 20}ms/step - loss: ${loss}`;
    default:
      return `${stamp} INFO step ${n}/${total} ${stage}: loss=${loss} throughput=${(hash % 4000) + 500} samples/s`;
  }
}
