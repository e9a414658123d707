import type { McpCallToolResult, McpContentBlock } from './mcp-client-like.js';
import { McpToolError } from './mcp-tool-error.js';

/**
 * The value a step gets from an MCP tool's result:
 * - `isError: true` → throws {@link McpToolError} with the server's text, so the step fails;
 * - `structuredContent` → that object (checked against the tool's `outputSchema` when it has one);
 * - only text blocks → their text (one string; several are joined by a newline). Text is never
 *   parsed as JSON: a server that means data sends `structuredContent`;
 * - any other block (an image, audio, a resource) → the content blocks as they came;
 * - no content → `null`;
 * - the `toolResult` of servers from before 2024-11-05 → that value.
 */
export function mcpCallResultValue(
  result: McpCallToolResult,
  call: { serverName: string; toolName: string },
): unknown {
  const content: McpContentBlock[] = Array.isArray(result.content) ? result.content : [];
  if (result.isError === true) {
    throw new McpToolError({
      serverName: call.serverName,
      toolName: call.toolName,
      content,
      structuredContent: result.structuredContent,
    });
  }
  if (result.structuredContent !== undefined && result.structuredContent !== null) {
    return result.structuredContent;
  }
  if (result.content === undefined && 'toolResult' in result) return result.toolResult;
  if (content.length === 0) return null;
  if (content.every((block) => block.type === 'text' && typeof block.text === 'string')) {
    return content.map((block) => block.text).join('\n');
  }
  return content;
}
