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
