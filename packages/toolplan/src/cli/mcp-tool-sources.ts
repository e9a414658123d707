import { CliUsageError } from './cli-usage-error.js';

/** The tools of the MCP servers named by `--mcp`, and how to let those servers go. */
export interface McpToolSources {
  tools: readonly unknown[];
  close(): Promise<void>;
}

/**
 * Connects to each `--mcp` server (a command line that starts an MCP server on stdio) and
 * returns its tools, for `toolplan serve-mcp` to serve beside those of `--tools`.
 *
 * MERGE: `mcpTools` (mcp/mcp-tools.ts, on its own branch: MCP servers as tool sources) is what
 * belongs here — call it with `commands` and return its tools and its `close`. Until then, any
 * `--mcp` is a usage error that says so, and no flag is silently ignored.
 */
export async function connectMcpToolSources(commands: readonly string[]): Promise<McpToolSources> {
  if (commands.length === 0) return { tools: [], close: () => Promise.resolve() };
  throw new CliUsageError({
    message:
      '`--mcp` is not available yet in this version of toolplan: serve the tools of an ES module with `--tools MODULE`.',
  });
}
