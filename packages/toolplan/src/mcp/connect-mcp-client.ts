import { createRequire } from 'node:module';
import { loadOptionalPackage } from '../tools/index.js';
import type { McpClientLike } from './mcp-client-like.js';
import { McpConnectionError } from './mcp-connection-error.js';
import type { McpSource } from './mcp-source.js';

// What toolplan uses of the MCP SDK, typed here: the SDK is an optional peer, loaded on first
// use, and toolplan's declarations must not need its types.
interface SdkClient extends McpClientLike {
  connect(transport: unknown): Promise<void>;
  close(): Promise<void>;
}
interface SdkClientModule {
  Client: new (
    info: { name: string; version: string },
    options: {
      capabilities: Record<string, never>;
      listChanged: {
        tools: { autoRefresh: false; debounceMs: number; onChanged: () => void };
      };
    },
  ) => SdkClient;
}
interface SdkStdioModule {
  StdioClientTransport: new (server: {
    command: string;
    args: string[];
    env?: Record<string, string>;
    cwd?: string;
    stderr: 'inherit' | 'ignore';
  }) => unknown;
}
interface SdkHttpModule {
  StreamableHTTPClientTransport: new (url: URL, options: { requestInit: RequestInit }) => unknown;
}

/** A client connected by toolplan, which toolplan closes. */
export interface McpConnection {
  client: McpClientLike;
  close(): Promise<void>;
}

/**
 * Connects to an MCP server with the official SDK's client: starts the command (stdio) or
 * reaches the URL (Streamable HTTP), and makes the handshake. `onToolsChanged` hears each
 * `notifications/tools/list_changed` (when the server announces it sends them). A failure is
 * an {@link McpConnectionError}, and leaves no process or connection behind.
 */
export async function connectMcpClient(
  source: McpSource,
  options: { serverName: string | undefined; onToolsChanged: () => void },
): Promise<McpConnection> {
  const target = mcpSourceTarget(source);
  const neededBy = `Connecting to the MCP server \`${target}\``;
  const remedy = 'Install it beside toolplan: `npm install @modelcontextprotocol/sdk`.';
  const load = <Module>(subpath: string) =>
    loadOptionalPackage<Module>({ name: '@modelcontextprotocol/sdk', subpath, neededBy, remedy });
  const { Client } = await load<SdkClientModule>('client/index.js');
  let transport: unknown;
  if ('command' in source) {
    const { StdioClientTransport } = await load<SdkStdioModule>('client/stdio.js');
    transport = new StdioClientTransport({
      command: source.command,
      args: [...(source.args ?? [])],
      ...(source.env === undefined ? {} : { env: { ...source.env } }),
      ...(source.cwd === undefined ? {} : { cwd: source.cwd }),
      stderr: source.stderr ?? 'inherit',
    });
  } else {
    const { StreamableHTTPClientTransport } = await load<SdkHttpModule>('client/streamableHttp.js');
    transport = new StreamableHTTPClientTransport(new URL(source.url), {
      requestInit: { headers: { ...source.headers } },
    });
  }
  const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
  const client = new Client(
    { name: 'toolplan', version },
    {
      capabilities: {},
      // toolplan lists the tools itself (every page); several notifications during one listing
      // are coalesced into one more listing, so the SDK need not debounce with a timer.
      listChanged: {
        tools: { autoRefresh: false, debounceMs: 0, onChanged: options.onToolsChanged },
      },
    },
  );
  try {
    await client.connect(transport);
  } catch (cause) {
    // A process that started but failed the handshake must not outlive the failure.
    await client.close().catch(() => undefined);
    throw new McpConnectionError({
      message: `Cannot connect to the MCP server \`${target}\`: ${(cause as Error).message}`,
      target,
      serverName: options.serverName,
      cause,
    });
  }
  return { client, close: () => client.close() };
}

/**
 * What a source connects to, for messages: the command line, or the URL without its query and
 * credentials (they may hold keys). Arguments are shown as given; keys belong in `env`.
 */
export function mcpSourceTarget(source: McpSource): string {
  if ('command' in source) return [source.command, ...(source.args ?? [])].join(' ');
  try {
    const url = new URL(source.url);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '(an invalid URL)';
  }
}
