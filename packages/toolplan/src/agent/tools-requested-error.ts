import { ToolplanError } from '../plan/index.js';
import type { ToolRequest } from './sent-tools.js';

/**
 * A planning attempt asked for tools it was not sent (tool selection's `need_tools`, or a tool of
 * the catalog it named): not a failure, the reason the attempt was set aside and the steps it
 * started early were cancelled, before the planner was asked again with those tools.
 */
export class ToolsRequestedError extends ToolplanError {
  /** The words of each `need_tools` step, as written. */
  readonly queries: readonly string[];
  /** Tools of the catalog the attempt called without having been sent them. */
  readonly named: readonly string[];

  constructor(options: { request: ToolRequest }) {
    const { queries, named } = options.request;
    const wanted = [
      ...queries.map((query) => JSON.stringify(query)),
      ...named.map((name) => `\`${name}\``),
    ];
    super({
      name: 'ToolsRequestedError',
      message: `The planner asked for tools it was not sent: ${wanted.join(', ')}; it is asked again with them.`,
    });
    this.queries = queries;
    this.named = named;
  }
}
