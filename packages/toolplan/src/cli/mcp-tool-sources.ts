import { mcpToolSets } from '../mcp/index.js';
import type { ToolSource } from '../tools/index.js';
import { mcpServersFromFlags, type McpFlags } from './mcp-servers-from-flags.js';

/** The tools to serve — a module's and those of the MCP servers named by flags — and how to let the servers go. */
export interface McpToolSources {
  tools: ToolSource;
  close(): Promise<void>;
}

/**
 * Connects to each MCP server the flags name (`--mcp`, `--mcp-url`) and returns its tools beside
 * `beside` (a tools module's), for `toolplan serve-mcp` to serve: a name two sources share is
 * prefixed with the server's name, as in `toolplan run`.
 */
export async function connectMcpToolSources(
  flags: McpFlags & { beside: ToolSource },
): Promise<McpToolSources> {
  const servers = mcpServersFromFlags(flags);
  if (servers.length === 0) return { tools: flags.beside, close: () => Promise.resolve() };
  const sets = await mcpToolSets(servers, { beside: flags.beside });
  return { tools: sets.tools, close: () => sets.close() };
}
