import type { ToolRegistry } from '../tools/index.js';

/** MCP tool annotations: hints a client may use to decide whether to ask its user first. */
export interface McpToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/**
 * The hints of `run_plan` and `ask`, which may call any of `tools`: read-only only when every
 * tool is, idempotent only when every tool is read-only or idempotent. Whether a side effect
 * destroys anything, and what the tools reach, toolplan cannot know: so, as the MCP
 * specification's defaults say, destructive when not read-only, and open-world.
 */
export function serverToolHints(tools: ToolRegistry): McpToolHints {
  const list = tools.list();
  const readOnly = list.every((tool) => tool.readOnly === true);
  return {
    readOnlyHint: readOnly,
    destructiveHint: !readOnly,
    idempotentHint: list.every((tool) => tool.readOnly === true || tool.idempotent === true),
    openWorldHint: true,
  };
}
