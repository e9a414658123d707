// The parts of an MCP client toolplan uses, typed here rather than imported: the MCP SDK is an
// optional peer, and toolplan's declarations must not need its types. The SDK's `Client` has
// this shape; so may any other client.

/** A tool as an MCP server lists it (`tools/list`). */
export interface McpToolDescription {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  /** A JSON Schema of the arguments. */
  inputSchema: object;
  /** A JSON Schema of `structuredContent`, when the server promises structured results. */
  outputSchema?: object | undefined;
  /** Hints, from a party that may be untrusted (see `McpToolsOptions.trustAnnotations`). */
  annotations?:
    | {
        title?: string | undefined;
        readOnlyHint?: boolean | undefined;
        destructiveHint?: boolean | undefined;
        idempotentHint?: boolean | undefined;
        openWorldHint?: boolean | undefined;
      }
    | undefined;
  /** `taskSupport: 'required'` marks a tool that only the experimental tasks API can call. */
  execution?: { taskSupport?: string | undefined } | undefined;
}

/** One block of a tool result's `content` (text, image, audio, a resource or a link to one). */
export interface McpContentBlock {
  type: string;
  text?: string | undefined;
  [key: string]: unknown;
}

/** What `tools/call` answers. */
export interface McpCallToolResult {
  content?: McpContentBlock[] | undefined;
  structuredContent?: Record<string, unknown> | undefined;
  /** The tool failed; `content` says why. */
  isError?: boolean | undefined;
  /** The answer of servers of protocol version 2024-10-07 and before. */
  toolResult?: unknown;
}

/** Per-request options of the SDK's `Protocol.request`. */
export interface McpRequestOptions {
  /** Aborting it cancels the request: the SDK sends `notifications/cancelled`. */
  signal?: AbortSignal;
  /** Milliseconds before the request fails with a time-out. */
  timeout?: number;
}

/**
 * An MCP client that is already connected: the SDK's `Client`, or anything with these methods.
 * A client given to `mcpTools` stays its caller's: `close()` of the tool set leaves it open, and
 * tool-list changes reach the set only through its `refresh()` (from the client's own
 * `listChanged` handler, say).
 */
export interface McpClientLike {
  listTools(
    params?: { cursor?: string },
    options?: McpRequestOptions,
  ): Promise<{ tools: McpToolDescription[]; nextCursor?: string | undefined }>;
  callTool(
    params: { name: string; arguments?: Record<string, unknown> },
    resultSchema?: undefined,
    options?: McpRequestOptions,
  ): Promise<McpCallToolResult>;
  /** The server's `serverInfo`: its `name` names the server when no `name` option is given. */
  getServerVersion?(): { name: string } | undefined;
}
