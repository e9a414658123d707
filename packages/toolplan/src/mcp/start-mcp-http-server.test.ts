import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from '../tools/index.js';
import { createMcpServer } from './create-mcp-server.js';
import { McpServerOptionsError } from './mcp-server-options-error.js';
import { startMcpHttpServer, type StartMcpHttpServerOptions } from './start-mcp-http-server.js';

const TOKEN = 'test-token-123';

function testTools() {
  const aborted: string[] = [];
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const tools = [
    defineTool({
      name: 'echo',
      description: 'Returns its text.',
      inputSchema: z.object({ text: z.string() }),
      readOnly: true,
      execute: ({ text }) => ({ text }),
    }),
    defineTool({
      name: 'wait_for_abort',
      description: 'Runs until its call is cancelled.',
      inputSchema: z.object({}),
      readOnly: true,
      execute: (_input, { signal }) =>
        new Promise((_resolve, reject) => {
          markStarted();
          signal.addEventListener('abort', () => {
            aborted.push('wait_for_abort');
            reject(signal.reason as Error);
          });
        }),
    }),
  ];
  return { tools, aborted, started };
}

const open: Array<{ close(): Promise<void> }> = [];

/** Servers, sockets and timers this process holds now. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

let before: Record<string, number>;

beforeEach(() => {
  before = resources();
});

afterEach(async () => {
  for (const each of open.splice(0).reverse()) await each.close();
  // No work leaked: no server, connection or timer of a test outlives it.
  await expect.poll(() => resources()).toEqual(before);
});

/** A server of the test tools, with the test token unless `token: false`. */
async function start(
  options: Omit<Partial<StartMcpHttpServerOptions>, 'token'> & { token?: false } = {},
) {
  const { tools, aborted, started } = testTools();
  const { token, ...rest } = options;
  const server = await startMcpHttpServer({
    createServer: () => createMcpServer({ tools }),
    ...(token === false ? {} : { token: TOKEN }),
    ...rest,
  });
  open.push(server);
  return { server, aborted, started };
}

async function connect(url: string, token: string = TOKEN) {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  await client.connect(transport);
  open.push(client);
  return { client, transport };
}

/** A raw POST of an `initialize` request, with the headers given: status and body. */
function post(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'raw', version: '1' },
    },
  });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('startMcpHttpServer', () => {
  it('serves run_plan to the SDK client over Streamable HTTP, on 127.0.0.1 by default', async () => {
    const { server } = await start();
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/mcp`);
    const { client } = await connect(server.url);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['run_plan']);
    const valid = await client.callTool({
      name: 'run_plan',
      arguments: { plan: { steps: [{ id: 'e', tool: 'echo', args: { text: 'hi' } }] } },
    });
    expect(valid.structuredContent).toMatchObject({ status: 'ok', results: { e: { text: 'hi' } } });
    const invalid = await client.callTool({
      name: 'run_plan',
      arguments: { plan: { steps: [{ id: 'e', tool: 'echo', args: { text: 3 } }] } },
    });
    expect(invalid.isError).toBe(true);
    expect(invalid.structuredContent).toMatchObject({
      status: 'invalid',
      issues: [{ code: 'invalid_arguments', path: 'steps[0].args.text' }],
    });
  });

  it('refuses a browser page of another origin with 403, and lets an allowed one in', async () => {
    const { server } = await start({ allowedOrigins: ['http://localhost:5173/'] });
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const refused = await post(server.url, { ...auth, Origin: 'http://evil.example' });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({
      jsonrpc: '2.0',
      error: { message: expect.stringContaining('http://evil.example') as string },
    });
    expect(server.sessions).toBe(0);
    const allowed = await post(server.url, { ...auth, Origin: 'http://localhost:5173' });
    expect(allowed.status).toBe(200);
    expect(server.sessions).toBe(1);
  });

  it('refuses a request without the bearer token, or with a wrong one, with 401', async () => {
    const { server } = await start();
    const missing = await post(server.url, {});
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="toolplan"');
    expect((await post(server.url, { Authorization: 'Bearer wrong' })).status).toBe(401);
    await expect(connect(server.url, 'wrong')).rejects.toMatchObject({ code: 401 });
    expect(server.sessions).toBe(0);
  });

  it('refuses a loopback server reached by a name that is not loopback (DNS rebinding)', async () => {
    const { server } = await start({ token: false });
    const rebound = await post(server.url, { Host: `attacker.example:${server.port}` });
    expect(rebound.status).toBe(403);
    expect((await post(server.url, { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('answers 404 off its path and for a session it does not know', async () => {
    const { server } = await start({ token: false });
    expect((await post(server.url.replace('/mcp', '/other'), {})).status).toBe(404);
    const unknown = await post(server.url, { 'Mcp-Session-Id': 'no-such-session' });
    expect(unknown.status).toBe(404);
  });

  it("cancels a run when the client cancels its request: the cancellation reaches the request's session", async () => {
    const { server, aborted, started } = await start();
    const { client } = await connect(server.url);
    const controller = new AbortController();
    const call = client.callTool(
      {
        name: 'run_plan',
        arguments: { plan: { steps: [{ id: 'w', tool: 'wait_for_abort', args: {} }] } },
      },
      undefined,
      { signal: controller.signal },
    );
    await started;
    controller.abort(new Error('the user gave up'));
    await expect(call).rejects.toThrow('the user gave up');
    await expect.poll(() => aborted).toEqual(['wait_for_abort']);
  });

  it('ends a session its client ends, and one left idle', async () => {
    const { server } = await start({ sessionIdleMs: 50 });
    const { transport } = await connect(server.url);
    expect(server.sessions).toBe(1);
    await transport.terminateSession();
    expect(server.sessions).toBe(0);
    // A client that goes away without ending its session.
    const { client } = await connect(server.url);
    expect(server.sessions).toBe(1);
    await client.close();
    await expect.poll(() => server.sessions).toBe(0);
  });

  it('cancels what is in flight and closes every session when it closes', async () => {
    const { server, aborted, started } = await start();
    const { client } = await connect(server.url);
    const call = client.callTool({
      name: 'run_plan',
      arguments: { plan: { steps: [{ id: 'w', tool: 'wait_for_abort', args: {} }] } },
    });
    call.catch(() => {});
    await started;
    await server.close();
    expect(aborted).toEqual(['wait_for_abort']);
    expect(server.sessions).toBe(0);
    // No answer comes for the call: the client learns of it when it gives up on the connection.
    await client.close();
    await expect(call).rejects.toThrow(/Connection closed/);
  });

  it('names every wrong option at once', async () => {
    const error = await startMcpHttpServer({
      createServer: undefined as never,
      port: 70000,
      token: 'two words',
      allowedOrigins: ['http://ok.example', 'ftp//nope'],
      sessionIdleMs: 0,
    }).catch((caught: unknown) => caught);
    expect(McpServerOptionsError.isInstance(error)).toBe(true);
    expect((error as McpServerOptionsError).problems).toEqual([
      'Expected `createServer` to be a function, got `undefined`',
      'Expected `port` to be an integer from 0 to 65535, got `70000`',
      'Expected `token` to be a non-empty string without spaces',
      'Expected each of `allowedOrigins` to be an origin such as http://localhost:3000, got `ftp//nope`',
      'Expected `sessionIdleMs` to be a positive number, got `0`',
    ]);
  });
});
