import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createSimulatedProvider, type ScriptBook } from '@toolplan/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgent } from '../agent/index.js';
import { createOpenAICompatibleModel } from '../model/index.js';
import { RunAbortedError, ToolExecutionError } from '../runtime/index.js';
import {
  descendantProcesses,
  everythingServer,
  EVERYTHING_BIN,
} from './everything-server.test-utils.js';
import { McpConnectionError } from './mcp-connection-error.js';
import { McpOptionsError } from './mcp-options-error.js';
import { McpToolError } from './mcp-tool-error.js';
import { mcpTools, type McpToolSet } from './mcp-tools.js';

// Against the MCP reference server over stdio: real processes, real protocol, no mocks.
const TIMEOUT = { timeout: 30_000 };

const open: McpToolSet[] = [];
async function connect(...args: Parameters<typeof mcpTools>): Promise<McpToolSet> {
  const set = await mcpTools(...args);
  open.push(set);
  return set;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((set) => set.close()));
  expect(await descendantProcesses()).toEqual([]);
});

function byName(set: McpToolSet, name: string) {
  const tool = set.tools.find((item) => item.name === name);
  if (tool === undefined) throw new Error(`no tool ${name}`);
  return tool;
}

async function withAgent<T>(
  set: { tools: McpToolSet['tools'] },
  scripts: ScriptBook,
  use: (agent: ReturnType<typeof createAgent>) => Promise<T>,
): Promise<T> {
  const provider = await createSimulatedProvider({ speed: 50, scripts });
  try {
    const agent = createAgent({
      model: createOpenAICompatibleModel({ baseURL: provider.url, modelId: 'gpt-4o' }),
      tools: set.tools,
      learn: false,
      planCache: false,
      predict: false,
      maxReplans: 0,
    });
    return await use(agent);
  } finally {
    await provider.close();
  }
}

describe('mcpTools over stdio, against @modelcontextprotocol/server-everything', () => {
  it('lists its tools under the names it gives them, schemas as they are', TIMEOUT, async () => {
    const everything = await connect(everythingServer());
    expect(everything.name).toBe('everything');
    const names = everything.tools.map((tool) => tool.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'echo',
        'get-sum',
        'get-structured-content',
        'trigger-long-running-operation',
      ]),
    );
    // Only the experimental tasks API can call it: `tools/call` would refuse it.
    expect(names).not.toContain('simulate-research-query');
    const echo = byName(everything, 'echo');
    expect(echo.description).toBe('Echoes back the input string');
    expect(echo.inputSchema.jsonSchema).toMatchObject({
      type: 'object',
      properties: { message: { type: 'string' } },
      required: ['message'],
    });
    expect(byName(everything, 'get-structured-content').outputSchema).toBeDefined();
    // The server says `readOnlyHint: true`, but nothing trusts it.
    expect(echo.readOnly).toBeUndefined();
  });

  it('follows the server’s hints only when configured to trust it', TIMEOUT, async () => {
    const trusted = await connect(everythingServer(), { name: 'trusted', trustAnnotations: true });
    expect(trusted.name).toBe('trusted');
    expect(byName(trusted, 'echo')).toMatchObject({ readOnly: true, idempotent: true });
  });

  it(
    'plans over its tools with the simulated provider: echo and get-sum in parallel, structured content typed',
    TIMEOUT,
    async () => {
      const everything = await connect(everythingServer());
      const query = 'Echo hello, add 2 and 3, and how is the weather in Chicago?';
      const scripts: ScriptBook = {
        scenarios: [
          {
            name: 'mcp-everything',
            query,
            plan: {
              steps: [
                { id: 'e', tool: 'echo', args: { message: 'hello' } },
                { id: 's', tool: 'get-sum', args: { a: 2, b: 3 } },
                { id: 'w', tool: 'get-structured-content', args: { location: 'Chicago' } },
              ],
              answer: '${e} / ${s} / ${w.conditions}, ${w.temperature}°',
            },
          },
        ],
      };
      const run = await withAgent(everything, scripts, (agent) => agent.run(query));
      expect(run.steps.map((step) => [step.id, step.status])).toEqual([
        ['e', 'ok'],
        ['s', 'ok'],
        ['w', 'ok'],
      ]);
      expect(run.results).toEqual({
        e: 'Echo: hello',
        s: 'The sum of 2 and 3 is 5.',
        w: { temperature: 36, conditions: 'Light rain / drizzle', humidity: 82 },
      });
      expect(run.answer).toBe('Echo: hello / The sum of 2 and 3 is 5. / Light rain / drizzle, 36°');
      expect(run.answeredBy).toBe('template');
      // Independent steps all started before any of them had its answer.
      const starts = run.steps.map((step) => step.startMs);
      const ends = run.steps.map((step) => step.endMs);
      expect(Math.max(...starts)).toBeLessThanOrEqual(Math.min(...ends));
    },
  );

  it('fails the step with the server’s words when the tool reports an error', TIMEOUT, async () => {
    const everything = await connect(everythingServer());
    const query = 'Get resource number zero.';
    const scripts: ScriptBook = {
      scenarios: [
        {
          name: 'mcp-error',
          query,
          // `0` passes the input schema (a number); the server refuses it.
          plan: {
            steps: [
              { id: 'r', tool: 'get-resource-reference', args: { resourceId: 0 } },
              { id: 'e', tool: 'echo', args: { message: 'still here' } },
            ],
          },
          joinAnswer: 'The resource could not be read.',
        },
      ],
    };
    const run = await withAgent(everything, scripts, (agent) => agent.run(query));
    const [failed, ok] = run.steps;
    expect(ok).toMatchObject({ id: 'e', status: 'ok' });
    expect(failed).toMatchObject({ id: 'r', status: 'error' });
    expect(ToolExecutionError.isInstance(failed?.error)).toBe(true);
    const cause = failed?.error?.cause;
    expect(McpToolError.isInstance(cause)).toBe(true);
    expect(cause).toMatchObject({ serverName: 'everything', toolName: 'get-resource-reference' });
    expect((cause as Error).message).toBe(
      'MCP server `everything`: tool `get-resource-reference` reported an error: Invalid resourceId: 0. Must be a finite positive integer.',
    );
  });

  it(
    'cancels a long-running call through the run’s signal: the server is told, the run ends',
    TIMEOUT,
    async () => {
      // A client of the test's own, whose outgoing messages are recorded: the source may be one.
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [EVERYTHING_BIN, 'stdio'],
        stderr: 'ignore',
      });
      const sent: Array<{ method?: string; params?: Record<string, unknown> }> = [];
      const send = transport.send.bind(transport);
      transport.send = (message) => {
        sent.push(message as (typeof sent)[number]);
        return send(message);
      };
      const client = new Client({ name: 'test', version: '1' });
      await client.connect(transport);
      try {
        const everything = await connect(client);
        const query = 'Run an operation that takes an hour.';
        const scripts: ScriptBook = {
          scenarios: [
            {
              name: 'mcp-cancel',
              query,
              plan: {
                steps: [
                  {
                    id: 'op',
                    tool: 'trigger-long-running-operation',
                    args: { duration: 3600, steps: 1 },
                  },
                ],
              },
            },
          ],
        };
        const controller = new AbortController();
        const error = await withAgent(everything, scripts, async (agent) => {
          try {
            for await (const event of agent.stream(query, { signal: controller.signal })) {
              if (event.type === 'step-start') controller.abort(new Error('the user left'));
            }
          } catch (caught) {
            return caught;
          }
          return undefined;
        });
        // The run ended although the operation would have taken an hour.
        expect(RunAbortedError.isInstance(error)).toBe(true);
        const call = sent.find(
          (message) =>
            message.method === 'tools/call' &&
            message.params?.['name'] === 'trigger-long-running-operation',
        ) as { id?: number } | undefined;
        expect(call).toBeDefined();
        expect(sent).toContainEqual({
          jsonrpc: '2.0',
          method: 'notifications/cancelled',
          params: { requestId: call?.id, reason: 'Error: the user left' },
        });
      } finally {
        await client.close();
      }
    },
  );

  it('leaves a client it was given open, and closes one it connected', TIMEOUT, async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [EVERYTHING_BIN, 'stdio'],
      stderr: 'ignore',
    });
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(transport);
    try {
      const given = await mcpTools(client);
      await given.close();
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);
      await expect(
        Promise.resolve(byName(given, 'echo').execute({ message: 'x' }, {} as never)),
      ).rejects.toThrow('The connection to the MCP server `everything` is closed.');
    } finally {
      await client.close();
    }
    const own = await mcpTools(everythingServer());
    await own.close();
    expect(await descendantProcesses()).toEqual([]);
    const error = await Promise.resolve(
      byName(own, 'get-sum').execute({ a: 1, b: 2 }, {} as never),
    ).catch((caught: unknown) => caught);
    expect(McpConnectionError.isInstance(error)).toBe(true);
  });

  it(
    'is an McpConnectionError when the server cannot be started or fails the handshake',
    TIMEOUT,
    async () => {
      const missing = await mcpTools({ command: 'toolplan-no-such-command-xyz' }).catch(
        (caught: unknown) => caught,
      );
      expect(McpConnectionError.isInstance(missing)).toBe(true);
      expect(missing).toMatchObject({ target: 'toolplan-no-such-command-xyz' });
      expect((missing as Error).message).toMatch(
        /^Cannot connect to the MCP server `toolplan-no-such-command-xyz`: .*ENOENT/,
      );
      const silent = await mcpTools({
        command: process.execPath,
        args: ['-e', 'process.exit(3)'],
      }).catch((caught: unknown) => caught);
      expect(McpConnectionError.isInstance(silent)).toBe(true);
      expect((silent as Error).message).toMatch(
        /^Cannot connect to the MCP server `.* -e process\.exit\(3\)`: /,
      );
    },
  );

  it('refuses wrong options before it starts anything, listing every problem', async () => {
    const error = await mcpTools({ command: '', args: ['ok', 3] as unknown as string[] }, {
      name: 'a b',
      timeoutMs: 0,
      trustAnnotation: true,
    } as never).catch((caught: unknown) => caught);
    expect(McpOptionsError.isInstance(error)).toBe(true);
    expect((error as McpOptionsError).problems).toEqual([
      'Expected `command` to be a non-empty string, got ``',
      'Expected `args` to be an array of strings, got `["ok",3]`',
      '`mcpTools` has no option `trustAnnotation`; it would be ignored. Did you mean `trustAnnotations`?',
      'Expected `name` to be 1–64 letters, digits, `_` or `-`, got `a b`',
      'Expected `timeoutMs` to be a positive number of at most 2147483647, got `0`',
    ]);
    await expect(mcpTools({ url: 'ftp://example.com/mcp' })).rejects.toThrow(
      'Expected `url` to be an http(s) URL, got `ftp://example.com/mcp`',
    );
    await expect(mcpTools({} as never)).rejects.toThrow(
      'Expected the source of `mcpTools` to have `command` (stdio) or `url` (Streamable HTTP)',
    );
  });
});
