import { Command, type ParseOptions } from 'commander';
import type { CommandIo } from './exec-command.js';
import { reportCliError } from './report-cli-error.js';

/**
 * The `toolplan` command. Parsing it never rejects: whatever a command throws — a usage error, an
 * expected error, a bug — is told on the injected stderr and becomes the exit code, so the CLI
 * and the tests that drive it in-process see the same thing.
 */
export class ToolplanProgram extends Command {
  readonly #io: CommandIo;

  constructor(io: CommandIo) {
    super('toolplan');
    this.#io = io;
  }

  override async parseAsync(argv?: readonly string[], parseOptions?: ParseOptions): Promise<this> {
    try {
      return await super.parseAsync(argv, parseOptions);
    } catch (error) {
      const verbose = this.opts<{ verbose?: boolean }>().verbose === true;
      this.#io.setExitCode(reportCliError({ error, stderr: this.#io.stderr, verbose }));
      return this;
    }
  }
}
