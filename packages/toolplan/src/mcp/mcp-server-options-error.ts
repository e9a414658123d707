import { ToolplanError } from '../plan/index.js';

/**
 * `createMcpServer` or `startMcpHttpServer` was given options it cannot use. Every problem found
 * is listed, so that one round of fixes is enough; a single problem is the whole message.
 */
export class McpServerOptionsError extends ToolplanError {
  /** Each problem, e.g. ``Expected `port` to be an integer from 0 to 65535, got `-1` ``. */
  readonly problems: readonly string[];

  constructor(options: { problems: readonly string[] }) {
    const [only, ...more] = options.problems;
    super({
      name: 'McpServerOptionsError',
      message:
        only !== undefined && more.length === 0
          ? only
          : `${options.problems.length} problems with the options:\n${options.problems.map((problem) => `- ${problem}`).join('\n')}`,
    });
    this.problems = options.problems;
  }
}
