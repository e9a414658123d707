import { Command } from 'commander';
import { benchScenarios } from '../bench/bench-catalog.js';
import { uniqueScripts } from '../bench/unique-scripts.js';
import { createSimulatedProvider } from '../simulator/index.js';
import type { CommandIo } from './exec-command.js';
import { integer, portNumber, positiveNumber } from './option-parsers.js';

interface ServeFlags {
  port: number;
  profile: string;
  speed: number;
  seed: number;
}

/**
 * `toolplan serve-model`: the simulated provider as a server of its own, scripted with every bench
 * scenario, for pointing any OpenAI-compatible client at it. Runs until interrupted.
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
    .action(async (flags: ServeFlags) => {
      const context = { speed: flags.speed, seed: flags.seed };
      const opened = await Promise.all(benchScenarios.map((scenario) => scenario.open(context)));
      let provider;
      try {
        provider = await createSimulatedProvider({
          port: flags.port,
          profile: flags.profile,
          speed: flags.speed,
          seed: flags.seed,
          scripts: {
            scenarios: uniqueScripts(
              opened.flatMap((scenario) => scenario.cases.map((benchCase) => benchCase.script)),
            ),
          },
        });
      } catch (error) {
        await Promise.all(opened.map((scenario) => scenario.close()));
        io.stderr(`error: ${(error as Error).message}`);
        io.setExitCode(2);
        return;
      }
      io.stdout(
        `simulated ${provider.profile.name} listening on ${provider.url} (speed ${flags.speed}, seed ${flags.seed})`,
      );
      io.stdout(
        `scripted queries: ${opened.reduce((count, scenario) => count + scenario.cases.length, 0)}; press Ctrl-C to stop`,
      );
      await (io.waitForShutdown ?? waitForSignal)();
      await provider.close();
      await Promise.all(opened.map((scenario) => scenario.close()));
    });
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
