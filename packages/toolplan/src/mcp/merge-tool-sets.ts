import { TOOL_NAME } from '../tools/define-tool.js';
import { ToolDefinitionError, type Tool } from '../tools/index.js';

/** Tools from one source: an MCP server (named) or the caller's own (unnamed). */
export interface ToolGroup {
  /** The server's name, for prefixes; a group without one keeps its names whatever happens. */
  readonly name?: string | undefined;
  readonly tools: readonly Tool[];
}

/**
 * The tools of several sources under unique names. A name that only one source has is kept as
 * the source gives it (`echo`, `get-sum`); a name that several have is prefixed with the server's
 * name in each named source that has it (`everything.echo`, `other.echo`), while an unnamed
 * source — the caller's own tools — keeps its name. Names that still clash (a server that lists a
 * name twice, two unnamed sources) are a `ToolDefinitionError`.
 */
export function mergeToolSets(groups: readonly ToolGroup[]): Tool[] {
  const sources = new Map<string, number>();
  for (const group of groups) {
    for (const name of new Set(group.tools.map((tool) => tool.name))) {
      sources.set(name, (sources.get(name) ?? 0) + 1);
    }
  }
  const merged: Tool[] = [];
  const from = new Map<string, { group: ToolGroup; origin: string }>();
  for (const group of groups) {
    const origin = group.name === undefined ? 'your tools' : `MCP server \`${group.name}\``;
    for (const tool of group.tools) {
      const clashes = (sources.get(tool.name) ?? 0) > 1;
      const name = clashes && group.name !== undefined ? `${group.name}.${tool.name}` : tool.name;
      if (!TOOL_NAME.test(name)) {
        throw new ToolDefinitionError({
          message: `The tool \`${tool.name}\` of ${origin} clashes with another source's, and its prefixed name \`${name}\` is longer than 128 characters: give the server a shorter \`name\`.`,
          toolName: tool.name,
        });
      }
      const earlier = from.get(name);
      if (earlier !== undefined) {
        throw new ToolDefinitionError({
          message:
            earlier.group === group
              ? `${origin} has two tools named \`${name}\`; names must be unique.`
              : `Two tools are named \`${name}\`: one of ${earlier.origin}, one of ${origin}.`,
          toolName: name,
        });
      }
      from.set(name, { group, origin });
      merged.push(name === tool.name ? tool : { ...tool, name });
    }
  }
  return merged;
}
