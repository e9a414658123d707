import { createRequire } from 'node:module';
import { Command } from 'commander';
import { execCommand, type CommandIo } from './exec-command.js';

const packageJson = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The `toolplan` command with all its subcommands; `io` is injectable for tests. */
export function createProgram(io: CommandIo): Command {
  return new Command('toolplan')
    .description('Make LLM tool use fast: one plan from the model, executed in parallel.')
    .version(packageJson.version)
    .addCommand(execCommand(io));
}
