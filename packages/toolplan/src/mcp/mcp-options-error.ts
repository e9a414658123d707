import { ToolplanError } from '../plan/index.js';

/**
 * `mcpTools` or `mcpToolSets` was given options it cannot use. Every problem found is listed, so
 * that one round of fixes is enough; a single problem is the whole message.
 */
export class McpOptionsError extends ToolplanError {
  /** Each problem, e.g. ``Expected `name` to be 1–64 letters, digits, `_` or `-`, got `a b` ``. */
  readonly problems: readonly string[];

  constructor(options: { problems: readonly string[] }) {
    const [only, ...more] = options.problems;
    super({
      name: 'McpOptionsError',
      message:
        only !== undefined && more.length === 0
          ? only
          : `${options.problems.length} problems with the options:\n${options.problems.map((problem) => `- ${problem}`).join('\n')}`,
    });
    this.problems = options.problems;
  }
}
