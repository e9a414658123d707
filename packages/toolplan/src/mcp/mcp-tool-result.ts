/**
 * What a tool of toolplan's MCP server answers (the MCP `CallToolResult`, in the part it uses):
 * the structured output, and the same as text for clients that read only `content`.
 */
export interface McpToolResult {
  [key: string]: unknown;
  content: Array<{ type: 'text'; text: string }>;
  structuredContent: Record<string, unknown>;
  isError?: true;
}

/**
 * A tool result carrying `structured` both ways. The text is its JSON, compact (a model reads it:
 * every byte is a token), unless `text` says it better (the issues of an invalid plan, as a
 * model is told them).
 */
export function toMcpToolResult(options: {
  structured: object;
  text?: string;
  isError?: boolean;
}): McpToolResult {
  return {
    content: [{ type: 'text', text: options.text ?? JSON.stringify(options.structured) }],
    structuredContent: options.structured as Record<string, unknown>,
    ...(options.isError === true ? { isError: true as const } : {}),
  };
}
