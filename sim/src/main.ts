import { resolve } from 'node:path';
import { createSimulator } from './simulator.ts';
import { helpText, parseOptions, UsageError } from './options.ts';

function exitWithUsageError(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) exitWithUsageError(error.message);
    throw error;
  }
  if (parsed.help) {
    process.stdout.write(`${helpText()}\n`);
    return;
  }
  const options = { ...parsed.options, dataDir: resolve(parsed.options.dataDir) };
  const simulator = createSimulator(options);
  try {
    await simulator.start();
  } catch (error) {
    process.stderr.write(`sim: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const mode = [options.wellBehaved ? 'well-behaved' : 'faithful', ...(options.database ? [] : ['no database'])].join(', ');
  process.stdout.write(
    `CloudAI simulator listening on ${simulator.url} (${mode}, ${simulator.context.cluster.workers.size} workers, seed ${options.seed}, data ${options.dataDir})\n`,
  );

  const shutdown = (signal: string) => {
    process.stdout.write(`sim: ${signal} received, stopping\n`);
    simulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sim: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
