import { warnBackgroundError } from '../agent/create-deferred-work.js';
import type { Tool } from '../tools/index.js';
import { connectMcpClient, mcpSourceTarget, type McpConnection } from './connect-mcp-client.js';
import { listAllTools } from './list-all-tools.js';
import type { McpClientLike } from './mcp-client-like.js';
import { McpConnectionError } from './mcp-connection-error.js';
import type { McpSource } from './mcp-source.js';
import {
  checkMcpToolsOptions,
  isMcpClient,
  MAX_TIMEOUT_MS,
  type McpToolsOptions,
} from './mcp-tools-options.js';
import { toMcpTool } from './to-mcp-tool.js';
import { toServerName } from './to-server-name.js';

/**
 * The tools of one MCP server, kept up to date, and the connection they use. Close it when the
 * run or the agent is done (`await using` closes it too).
 */
export interface McpToolSet extends AsyncDisposable {
  /** The server's name (the `name` option, or the one it gives itself). */
  readonly name: string;
  /**
   * The server's tools as toolplan tools, under the names the server gives them: the latest
   * listing. The array is replaced, never changed, when the list changes; an agent keeps the
   * tools it was created with (create a new one in `onToolsChanged` to use new tools). A tool
   * the server has dropped fails its step with the server's error.
   */
  readonly tools: readonly Tool[];
  /** Lists the server's tools again (every page), and returns them. */
  refresh(): Promise<readonly Tool[]>;
  /**
   * Calls `listener` with the new tools each time they are listed again (after the server sent
   * `notifications/tools/list_changed`, or `refresh()`). Returns a function that removes it.
   */
  onToolsChanged(listener: (tools: readonly Tool[]) => void): () => void;
  /**
   * Closes the connection (the server's process ends), once the calls in flight have been
   * cancelled. A client given to `mcpTools` is left open: it is its caller's. Later calls of the
   * tools fail with an `McpConnectionError`.
   */
  close(): Promise<void>;
}

/**
 * Connects to an MCP server through the official SDK's client and offers its tools to toolplan.
 *
 * - `source`: `{ command, args?, env?, cwd?, stderr? }` starts the server and speaks stdio;
 *   `{ url, headers? }` speaks Streamable HTTP; a connected client (the SDK's `Client`) is used
 *   as it is.
 * - Each tool keeps its name, description and input schema (JSON Schema); a tool with an
 *   `outputSchema` returns its `structuredContent`, checked against it; other results give their
 *   text (see `mcpCallResultValue`); an `isError` result fails the step with an `McpToolError`.
 * - The run's signal cancels a call: the server is sent `notifications/cancelled`.
 * - Annotations count only with `trustAnnotations: true` (the trust rules of `toTool`).
 * - The listing is kept per connection and listed again when the server sends
 *   `notifications/tools/list_changed` (for a client given, call `refresh()` from its own
 *   handler).
 *
 * ```ts
 * await using everything = await mcpTools({
 *   command: 'npx',
 *   args: ['@modelcontextprotocol/server-everything'],
 * });
 * const agent = createAgent({ model, tools: everything.tools });
 * ```
 *
 * Needs `@modelcontextprotocol/sdk` installed (an optional peer of toolplan); without it, a
 * `MissingPackageError`. A server that cannot be started, reached or listed is an
 * `McpConnectionError`; wrong options are an `McpOptionsError`.
 */
export async function mcpTools(
  source: McpSource | McpClientLike,
  options: McpToolsOptions = {},
): Promise<McpToolSet> {
  checkMcpToolsOptions(source, options);
  let open = true;
  const warn = options.onError ?? warnBackgroundError;
  // What fails after the set was closed is of no interest to anyone.
  const onError = (error: unknown) => {
    if (open) warn(error);
  };
  const target = isMcpClient(source) ? 'a connected client' : mcpSourceTarget(source);
  // A change announced before the first listing is in it: only later ones list again.
  let onListChanged = () => {};

  let connection: McpConnection | undefined;
  if (!isMcpClient(source)) {
    connection = await connectMcpClient(source, {
      serverName: options.name,
      onToolsChanged: () => {
        if (open) onListChanged();
      },
    });
  }
  const client = connection?.client ?? (source as McpClientLike);
  const name = options.name ?? toServerName(client.getServerVersion?.()?.name);
  const closedError = () =>
    new McpConnectionError({
      message: `The connection to the MCP server \`${name}\` is closed.`,
      target,
      serverName: name,
    });

  const live = new Set<AbortController>();
  const call = async (toolName: string, args: Record<string, unknown>, signal: AbortSignal) => {
    if (!open) throw closedError();
    signal.throwIfAborted();
    // One signal per call: the SDK listens on the signal it is given and never stops, and the
    // run's signal is shared by every call of a run.
    const controller = new AbortController();
    const forward = () => controller.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    live.add(controller);
    try {
      return await client.callTool({ name: toolName, arguments: args }, undefined, {
        signal: controller.signal,
        // With a time-out of toolplan's, the scheduler decides (and cancels through the signal).
        ...(options.timeoutMs === undefined ? {} : { timeout: MAX_TIMEOUT_MS }),
      });
    } finally {
      signal.removeEventListener('abort', forward);
      live.delete(controller);
    }
  };

  const list = async (): Promise<readonly Tool[]> => {
    if (!open) throw closedError();
    let described;
    try {
      described = await listAllTools(client);
    } catch (cause) {
      if (!open) throw closedError();
      throw new McpConnectionError({
        message: `Cannot list the tools of the MCP server \`${name}\`: ${(cause as Error).message}`,
        target,
        serverName: name,
        cause,
      });
    }
    return Object.freeze(
      described.map((description) =>
        toMcpTool(description, {
          serverName: name,
          trustAnnotations: options.trustAnnotations ?? false,
          timeoutMs: options.timeoutMs,
          call,
        }),
      ),
    );
  };

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      open = false;
      for (const controller of live) controller.abort(closedError());
      try {
        await connection?.close();
      } finally {
        // A listing in flight fails once the connection is gone; nobody waits for it any more.
        await set.settled();
      }
    })();
    return closing;
  };

  const set = createToolSet({ name, list, close, onError, isOpen: () => open });
  onListChanged = () => void set.refresh().catch(onError);
  try {
    await set.refresh();
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  return set.api;
}

/** The listing kept per connection: one listing at a time, and one more for any asked meanwhile. */
function createToolSet(options: {
  name: string;
  list: () => Promise<readonly Tool[]>;
  close: () => Promise<void>;
  onError: (error: unknown) => void;
  isOpen: () => boolean;
}) {
  let tools: readonly Tool[] = Object.freeze([]);
  let listed = false;
  const listeners = new Set<(tools: readonly Tool[]) => void>();
  let running: Promise<readonly Tool[]> | undefined;
  let queued: Promise<readonly Tool[]> | undefined;

  const listOnce = async () => {
    const next = await options.list();
    if (!options.isOpen()) return tools;
    tools = next;
    if (listed) {
      for (const listener of listeners) {
        try {
          listener(next);
        } catch (error) {
          options.onError(error);
        }
      }
    }
    listed = true;
    return next;
  };

  const refresh = (): Promise<readonly Tool[]> => {
    if (running === undefined) {
      running = listOnce().finally(() => {
        running = undefined;
      });
      return running;
    }
    // A change announced while a listing runs may not be in it: list once more after it.
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return refresh();
      });
    return queued;
  };

  const api: McpToolSet = {
    name: options.name,
    get tools() {
      return tools;
    },
    refresh,
    onToolsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: options.close,
    [Symbol.asyncDispose]: options.close,
  };
  return {
    api,
    refresh,
    /** Resolves once no listing is in flight or queued. */
    async settled() {
      while (running !== undefined || queued !== undefined) {
        await (queued ?? running)?.catch(() => undefined);
      }
    },
  };
}
