// `toolplan/mcp`: MCP in and out — servers as tool sources (`mcpTools`, `mcpToolSets`) and
// toolplan as a server (`createMcpServer`, `startMcpHttpServer`) — with their errors and types.
// Needs the optional peer `@modelcontextprotocol/sdk`, loaded on first use.
export { mcpTools } from '../mcp/mcp-tools.js';
export { mcpToolSets } from '../mcp/mcp-tool-sets.js';
export { createMcpServer } from '../mcp/create-mcp-server.js';
export { startMcpHttpServer } from '../mcp/start-mcp-http-server.js';
export { McpConnectionError } from '../mcp/mcp-connection-error.js';
export { McpOptionsError } from '../mcp/mcp-options-error.js';
export { McpToolError } from '../mcp/mcp-tool-error.js';
export { McpServerOptionsError } from '../mcp/mcp-server-options-error.js';
export type * from '../mcp/index.js';
