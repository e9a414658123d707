import { createRequire } from 'node:module';
import type { Command } from 'commander';
import { applyCliConventions } from './apply-cli-conventions.js';
import { benchCommand } from './bench-command.js';
import type { ProgressReport } from './bench-progress.js';
import { chainsCommand } from './chains-command.js';
import { execCommand, type CommandIo } from './exec-command.js';
import { runCommand } from './run-command.js';
import { serveModelCommand } from './serve-model-command.js';
import { ToolplanProgram } from './toolplan-program.js';
import { tracesCommand } from './traces-command.js';

const packageJson = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * The `toolplan` command with all its subcommands; `io` is injectable for tests. Its `parseAsync`
 * reports every error on `io.stderr` and sets the exit code (see `EXIT`) instead of rejecting.
 */
export function createProgram(
  io: CommandIo & { progress?: ProgressReport; waitForShutdown?: () => Promise<void> },
): Command {
  const program = new ToolplanProgram(io)
    .description('Make LLM tool use fast: one plan from the model, executed in parallel.')
    .version(packageJson.version)
    .option('--verbose', 'on an error, also print its stack trace and causes')
    .addCommand(execCommand(io))
    .addCommand(runCommand(io))
    .addCommand(benchCommand(io))
    .addCommand(serveModelCommand(io))
    .addCommand(tracesCommand(io))
    .addCommand(chainsCommand(io));
  applyCliConventions(program, io);
  return program;
}
