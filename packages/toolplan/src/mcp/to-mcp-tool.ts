import { ToolDefinitionError, toTool, type Tool } from '../tools/index.js';
import { mcpCallResultValue } from './mcp-call-result-value.js';
import type { McpCallToolResult, McpToolDescription } from './mcp-client-like.js';

/** What {@link toMcpTool} needs besides the tool's description. */
export interface ToMcpToolOptions {
  serverName: string;
  /** The configuration trusts this server: its `readOnlyHint` and `idempotentHint` count. */
  trustAnnotations: boolean;
  /** The tool's `timeoutMs` annotation, when one is set. */
  timeoutMs: number | undefined;
  /** Sends `tools/call`; aborting `signal` cancels the request. */
  call(
    name: string,
    args: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<McpCallToolResult>;
}

/**
 * An MCP server's tool as a toolplan {@link Tool}: the server's name and input schema as they
 * are, `outputSchema` kept (so structured results are checked and typed), annotations under the
 * trust rules of `toTool` (hints count only when the server is trusted; `destructiveHint` always
 * wins), and an `execute` that calls the server and maps its answer with `mcpCallResultValue`.
 * A name toolplan cannot use is a `ToolDefinitionError` naming the server.
 */
export function toMcpTool(description: McpToolDescription, options: ToMcpToolOptions): Tool {
  const { name } = description;
  const call = { serverName: options.serverName, toolName: name };
  const plain = {
    name,
    description: description.description ?? description.title ?? description.annotations?.title,
    inputSchema: description.inputSchema,
    ...(description.outputSchema === undefined ? {} : { outputSchema: description.outputSchema }),
    ...(description.annotations === undefined ? {} : { annotations: description.annotations }),
    trustAnnotations: options.trustAnnotations,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    execute: async (input: unknown, context: { signal: AbortSignal }) =>
      mcpCallResultValue(
        await options.call(name, (input ?? {}) as Record<string, unknown>, context.signal),
        call,
      ),
  };
  try {
    return toTool(plain);
  } catch (cause) {
    if (!ToolDefinitionError.isInstance(cause)) throw cause;
    throw new ToolDefinitionError({
      message: `MCP server \`${options.serverName}\` offers a tool toolplan cannot use: ${cause.message}`,
      ...(typeof name === 'string' ? { toolName: name } : {}),
      cause,
    });
  }
}
