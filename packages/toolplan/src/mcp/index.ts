export { mcpTools, type McpToolSet } from './mcp-tools.js';
export { mcpToolSets, type McpServerConfig, type McpToolSets } from './mcp-tool-sets.js';
export type { McpToolsOptions } from './mcp-tools-options.js';
export type { McpHttpSource, McpSource, McpStdioSource } from './mcp-source.js';
export type {
  McpCallToolResult,
  McpClientLike,
  McpContentBlock,
  McpRequestOptions,
  McpToolDescription,
} from './mcp-client-like.js';
export { mcpCallResultValue } from './mcp-call-result-value.js';
export { mergeToolSets, type ToolGroup } from './merge-tool-sets.js';
export { toMcpTool, type ToMcpToolOptions } from './to-mcp-tool.js';
export { McpConnectionError } from './mcp-connection-error.js';
export { McpOptionsError } from './mcp-options-error.js';
export { McpToolError } from './mcp-tool-error.js';
