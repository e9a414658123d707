import { ToolplanError } from '../plan/index.js';

/**
 * An MCP server could not be reached or used: its process did not start, the URL did not
 * answer, the handshake or the tool listing failed, or the connection was already closed.
 */
export class McpConnectionError extends ToolplanError {
  /** The server's name, when it is known (given, or learned in the handshake). */
  readonly serverName: string | undefined;
  /** What was connected to: the command line, or the URL without its query. */
  readonly target: string;

  constructor(options: {
    message: string;
    target: string;
    serverName?: string | undefined;
    cause?: unknown;
  }) {
    super({ name: 'McpConnectionError', message: options.message, cause: options.cause });
    this.serverName = options.serverName;
    this.target = options.target;
  }
}
