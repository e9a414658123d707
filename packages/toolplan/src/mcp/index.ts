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
export {
  createMcpServer,
  type CreateMcpServerOptions,
  type McpExecuteOptions,
  type ToolplanMcpServer,
} from './create-mcp-server.js';
export {
  startMcpHttpServer,
  type McpHttpServer,
  type StartMcpHttpServerOptions,
} from './start-mcp-http-server.js';
export { McpServerOptionsError } from './mcp-server-options-error.js';
export type { RunPlanOutput, McpPlanIssueOutput } from './run-plan-output.js';
export type { AskOutput } from './ask-output.js';
export type { McpErrorOutput, McpStepOutput } from './step-output.js';
export type { McpToolHints } from './server-tool-hints.js';
