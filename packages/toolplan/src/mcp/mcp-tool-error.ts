import { ToolplanError } from '../plan/index.js';
import type { McpContentBlock } from './mcp-client-like.js';

/** Most characters of a server's error text carried into the message (all of it stays in `content`). */
export const MCP_ERROR_TEXT_LIMIT = 2_000;

/**
 * An MCP tool answered with `isError: true`: the call reached the server, and the tool (or the
 * server, for arguments it refused or a tool it does not know) reported a failure. Thrown from
 * the tool's `execute`, so the step fails with the server's own words.
 */
export class McpToolError extends ToolplanError {
  readonly serverName: string;
  /** The tool's name on the server (without any prefix it was given in a merged set). */
  readonly toolName: string;
  /** The result's content blocks, as the server sent them. */
  readonly content: readonly McpContentBlock[];
  /** The result's structured content, when it had some. */
  readonly structuredContent: Record<string, unknown> | undefined;

  constructor(options: {
    serverName: string;
    toolName: string;
    content: readonly McpContentBlock[];
    structuredContent?: Record<string, unknown> | undefined;
  }) {
    super({
      name: 'McpToolError',
      message: `MCP server \`${options.serverName}\`: tool \`${options.toolName}\` reported an error: ${describeError(options.content)}`,
    });
    this.serverName = options.serverName;
    this.toolName = options.toolName;
    this.content = options.content;
    this.structuredContent = options.structuredContent;
  }
}

// The text is the server's (untrusted, of any size): it is cut, and never read as anything else.
function describeError(content: readonly McpContentBlock[]): string {
  const text = content
    .filter((block) => block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('\n')
    .trim();
  if (text === '') return '(no message)';
  return text.length > MCP_ERROR_TEXT_LIMIT
    ? `${text.slice(0, MCP_ERROR_TEXT_LIMIT)}… (${text.length - MCP_ERROR_TEXT_LIMIT} more characters)`
    : text;
}
