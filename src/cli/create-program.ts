import { createRequire } from 'node:module';
import { Command } from 'commander';
import { benchCommand } from './bench-command.js';
import { chainsCommand } from './chains-command.js';
import { execCommand, type CommandIo } from './exec-command.js';
import { runCommand } from './run-command.js';
import { serveModelCommand } from './serve-model-command.js';
import { tracesCommand } from './traces-command.js';

const packageJson = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The `toolplan` command with all its subcommands; `io` is injectable for tests. */
export function createProgram(
  io: CommandIo & { progress?: (text: string) => void; waitForShutdown?: () => Promise<void> },
): Command {
  return new Command('toolplan')
    .description('Make LLM tool use fast: one plan from the model, executed in parallel.')
    .version(packageJson.version)
    .addCommand(execCommand(io))
    .addCommand(runCommand(io))
    .addCommand(benchCommand(io))
    .addCommand(serveModelCommand(io))
    .addCommand(tracesCommand(io))
    .addCommand(chainsCommand(io));
}
