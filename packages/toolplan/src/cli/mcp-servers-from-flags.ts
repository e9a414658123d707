import type { McpServerConfig } from '../mcp/index.js';
import { CliUsageError } from './cli-usage-error.js';
import { splitCommandLine } from './split-command-line.js';

/** The flags of `toolplan run` that name MCP servers. */
export interface McpFlags {
  /** `--mcp "COMMAND ARGS…"`, each a command line of a server to start (stdio). */
  mcp?: readonly string[] | undefined;
  /** `--mcp-url URL`, each a server spoken to over Streamable HTTP. */
  mcpUrl?: readonly string[] | undefined;
  /** `--trust-mcp`: these servers' annotations (`readOnlyHint`, `idempotentHint`) count. */
  trustMcp?: boolean;
}

/**
 * The servers the flags name, in the order given (`--mcp` first, then `--mcp-url`): a command
 * line is split as a shell would (quotes respected, nothing expanded) and run without a shell.
 * An empty command, an unterminated quote or a URL that is not http(s) is a `CliUsageError`.
 */
export function mcpServersFromFlags(flags: McpFlags): McpServerConfig[] {
  const trustAnnotations = flags.trustMcp === true;
  const commands = (flags.mcp ?? []).map((line): McpServerConfig => {
    const [command, ...args] = splitCommandLine(line);
    if (command === undefined) {
      throw new CliUsageError({
        message: 'Expected `--mcp` to be a command that starts an MCP server, got an empty one.',
      });
    }
    return { source: { command, args }, trustAnnotations };
  });
  const urls = (flags.mcpUrl ?? []).map((given): McpServerConfig => {
    let url: URL | undefined;
    try {
      url = new URL(given);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new CliUsageError({
        message: `Expected \`--mcp-url\` to be an http(s) URL such as http://localhost:3001/mcp, got \`${given}\``,
      });
    }
    return { source: { url: url.href }, trustAnnotations };
  });
  return [...commands, ...urls];
}
