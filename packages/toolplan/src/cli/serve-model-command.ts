import { Command } from 'commander';
import type { CommandIo } from './exec-command.js';
import { loadScriptBook } from './load-script-book.js';
import { loadSimulatorPackage } from './optional-packages.js';
import { integer, portNumber, positiveNumber } from './option-parsers.js';
import { PortUnavailableError } from './port-unavailable-error.js';

interface ServeFlags {
  port: number;
  profile: string;
  speed: number;
  seed: number;
  scripts?: string;
}

/**
 * `toolplan serve-model`: the simulated provider as a server of its own, scripted with every bench
 * scenario (or `--scripts FILE`), for pointing any OpenAI-compatible client at it. Runs until
 * interrupted.
 */
export function serveModelCommand(
  io: CommandIo & { waitForShutdown?: () => Promise<void> },
): Command {
  return new Command('serve-model')
    .description(
      'Serve the simulated model on the OpenAI Chat Completions wire (scripted with the bench scenarios)',
    )
    .option('--port <n>', 'port to listen on (0 picks a free one)', portNumber, 0)
    .option(
      '--profile <name>',
      'model profile: latencies, prices, and the model name it answers to',
      'gpt-4o',
    )
    .option('--speed <x>', 'divide every duration by this', positiveNumber, 1)
    .option('--seed <n>', 'seed of every random draw', integer, 1)
    .option('--scripts <file>', "script book (JSON) to answer from (default: the bench scenarios')")
    .action(async (flags: ServeFlags) => {
      const scripts = await loadScriptBook({
        path: flags.scripts,
        speed: flags.speed,
        seed: flags.seed,
      });
      const simulator = await loadSimulatorPackage('`toolplan serve-model`');
      const provider = await simulator
        .createSimulatedProvider({
          port: flags.port,
          profile: flags.profile,
          speed: flags.speed,
          seed: flags.seed,
          scripts,
        })
        .catch((error: unknown) => {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE' || code === 'EACCES') {
            throw new PortUnavailableError({
              port: flags.port,
              cause: error as NodeJS.ErrnoException,
            });
          }
          throw error;
        });
      io.stdout(
        `simulated ${provider.profile.name} listening on ${provider.url} (speed ${flags.speed}, seed ${flags.seed})`,
      );
      // The provider has checked the book's shape by now.
      const { scenarios } = scripts as { scenarios: readonly unknown[] };
      io.stdout(`scripted queries: ${scenarios.length}; press Ctrl-C to stop`);
      await (io.waitForShutdown ?? waitForSignal)();
      await provider.close();
    });
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
