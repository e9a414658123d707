import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ToolDefinitionError, type Tool } from '../tools/index.js';
import { McpConnectionError } from './mcp-connection-error.js';
import { mcpTools, type McpToolSet } from './mcp-tools.js';

// Streamable HTTP, and tool lists that change, against the MCP SDK's own server in this process
// (the everything server cannot be made to change its list on demand).
const TIMEOUT = { timeout: 30_000 };

interface Served {
  url: string;
  mcp: McpServer;
  headers: Array<string | undefined>;
  /**
   * Resolves once the client's stream for messages of the server's own (GET) is open: a
   * notification sent before it would be dropped, as Streamable HTTP has nowhere to send it.
   */
  streamOpen: Promise<void>;
  close(): Promise<void>;
}

async function serve(): Promise<Served> {
  const mcp = new McpServer({ name: 'acme/weather', version: '1.0.0' });
  mcp.registerTool(
    'get_temp',
    {
      description: 'Temperature of a city (°C)',
      inputSchema: { city: z.string() },
      outputSchema: { city: z.string(), temp: z.number() },
    },
    ({ city }) => ({
      content: [{ type: 'text', text: `${city}: 4 °C` }],
      structuredContent: { city, temp: 4 },
    }),
  );
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
  await mcp.connect(transport);
  const headers: Array<string | undefined> = [];
  let opened = () => {};
  const streamOpen = new Promise<void>((resolve) => (opened = resolve));
  const http: Server = createServer((request, response) => {
    headers.push(request.headers['x-api-key'] as string | undefined);
    if (request.method === 'GET') {
      // The transport registers the stream before it answers with its headers.
      const writeHead = response.writeHead.bind(response) as (
        ...args: unknown[]
      ) => typeof response;
      response.writeHead = ((...args: unknown[]) => {
        if (args[0] === 200) opened();
        return writeHead(...args);
      }) as typeof response.writeHead;
    }
    void transport.handleRequest(request, response);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    mcp,
    headers,
    streamOpen,
    async close() {
      await mcp.close();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const close of cleanup.splice(0).reverse()) await close();
});

function nextChange(set: McpToolSet): Promise<readonly Tool[]> {
  return new Promise((resolve) => {
    const off = set.onToolsChanged((tools) => {
      off();
      resolve(tools);
    });
  });
}

describe('mcpTools over Streamable HTTP', () => {
  it('lists and calls tools at a URL, sending the headers given', TIMEOUT, async () => {
    const served = await serve();
    cleanup.push(() => served.close());
    const weather = await mcpTools({ url: served.url, headers: { 'x-api-key': 'k1' } });
    cleanup.push(() => weather.close());
    expect(weather.name).toBe('weather');
    expect(weather.tools.map((tool) => tool.name)).toEqual(['get_temp']);
    const [getTemp] = weather.tools;
    const signal = new AbortController().signal;
    expect(await getTemp?.execute({ city: 'Oslo' }, { signal } as never)).toEqual({
      city: 'Oslo',
      temp: 4,
    });
    expect(served.headers.length).toBeGreaterThan(0);
    expect(served.headers.every((header) => header === 'k1')).toBe(true);
  });

  it('lists the tools again when the server says the list changed', TIMEOUT, async () => {
    const served = await serve();
    cleanup.push(() => served.close());
    const weather = await mcpTools({ url: served.url });
    cleanup.push(() => weather.close());
    const before = weather.tools;
    await served.streamOpen;

    const added = nextChange(weather);
    const forecast = served.mcp.registerTool(
      'get_forecast',
      { description: 'Forecast of a city', inputSchema: { city: z.string(), days: z.number() } },
      ({ city, days }) => ({ content: [{ type: 'text', text: `${city}: sun for ${days} days` }] }),
    );
    const tools = await added;
    expect(tools.map((tool) => tool.name)).toEqual(['get_temp', 'get_forecast']);
    expect(weather.tools).toBe(tools);
    // The listing the caller held is a snapshot: replaced, never changed.
    expect(before.map((tool) => tool.name)).toEqual(['get_temp']);
    const signal = new AbortController().signal;
    expect(await tools[1]?.execute({ city: 'Oslo', days: 3 }, { signal } as never)).toBe(
      'Oslo: sun for 3 days',
    );

    const removed = nextChange(weather);
    forecast.remove();
    expect((await removed).map((tool) => tool.name)).toEqual(['get_temp']);
  });

  it(
    'reports a failed listing after a change to onError and keeps the tools it had',
    TIMEOUT,
    async () => {
      const served = await serve();
      cleanup.push(() => served.close());
      const errors: unknown[] = [];
      let reported = () => {};
      const report = new Promise<void>((resolve) => (reported = resolve));
      const weather = await mcpTools(
        { url: served.url },
        {
          onError: (error) => {
            errors.push(error);
            reported();
          },
        },
      );
      cleanup.push(() => weather.close());
      await served.streamOpen;
      // A name toolplan cannot use makes the new listing unusable (the SDK's server warns of it).
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      served.mcp.registerTool('bad name', { description: 'x' }, () => ({ content: [] }));
      await report;
      expect(errors).toHaveLength(1);
      expect(ToolDefinitionError.isInstance(errors[0])).toBe(true);
      expect((errors[0] as Error).message).toMatch(
        /^MCP server `weather` offers a tool toolplan cannot use: Expected a tool name .* got `bad name`$/,
      );
      expect(weather.tools.map((tool) => tool.name)).toEqual(['get_temp']);
    },
  );

  it('refuses a server whose first listing holds a name toolplan cannot use', TIMEOUT, async () => {
    const served = await serve();
    cleanup.push(() => served.close());
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    served.mcp.registerTool('bad name', { description: 'x' }, () => ({ content: [] }));
    const error = await mcpTools({ url: served.url }).catch((caught: unknown) => caught);
    expect(ToolDefinitionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ toolName: 'bad name' });
  });

  it(
    'is an McpConnectionError when nothing answers at the URL, naming it without its query',
    TIMEOUT,
    async () => {
      const served = await serve();
      const url = `${served.url}?token=secret`;
      await served.close();
      const error = await mcpTools({ url }).catch((caught: unknown) => caught);
      expect(McpConnectionError.isInstance(error)).toBe(true);
      expect((error as McpConnectionError).target).toBe(served.url);
      expect((error as Error).message).not.toContain('secret');
    },
  );
});
