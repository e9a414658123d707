import { ToolplanError } from '../plan/index.js';

/**
 * `createAgent`, `createSession`, `runPlanned` or `runOptimized` was given options it cannot use.
 * Every problem found is listed, so that one round of fixes is enough; a single problem is the
 * whole message.
 */
export class AgentOptionsError extends ToolplanError {
  /** Each problem, e.g. ``Expected `maxReplans` to be a non-negative integer, got `-1` ``. */
  readonly problems: readonly string[];

  constructor(options: { problems: readonly string[] }) {
    const [only, ...more] = options.problems;
    super({
      name: 'AgentOptionsError',
      message:
        only !== undefined && more.length === 0
          ? only
          : `${options.problems.length} problems with the options:\n${options.problems.map((problem) => `- ${problem}`).join('\n')}`,
    });
    this.problems = options.problems;
  }
}
