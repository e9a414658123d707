import { createRequire } from 'node:module';
import { Command } from 'commander';
import { applyCliConventions } from './apply-cli-conventions.js';
import { loadBenchPackage } from './optional-packages.js';
import type { ProgressReport } from './progress-line.js';
import { chainsCommand } from './chains-command.js';
import { execCommand, type CommandIo } from './exec-command.js';
import { runCommand } from './run-command.js';
import { serveMcpCommand } from './serve-mcp-command.js';
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
    .addCommand(serveMcpCommand(io))
    .addCommand(tracesCommand(io))
    .addCommand(chainsCommand(io));
  applyCliConventions(program, io);
  return program;
}

/**
 * `toolplan bench`: the benchmark lives in `@toolplan/bench`, in the repository but not in the
 * published package. This command takes its arguments as they are and hands them to the bench's
 * own command, loaded when it runs (its options, help and checks are the bench's); without the
 * package it says how to get it.
 */
function benchCommand(io: CommandIo & { progress?: ProgressReport }): Command {
  return new Command('bench')
    .description(
      "Run the repository's benchmark: every scenario × strategy against the simulated provider (`toolplan bench --help` for its options)",
    )
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[arguments...]')
    .action(async (_arguments: string[], _flags: unknown, stub: Command) => {
      const bench = await loadBenchPackage('`toolplan bench`');
      const command = bench.benchCommand(io);
      // Parented to `toolplan`, so that its usage and hints read `toolplan bench …`.
      command.parent = stub.parent;
      applyCliConventions(command, io);
      await command.parseAsync(stub.args, { from: 'user' });
    });
}
