import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { executePlan } from '../runtime/index.js';
import { defineTool } from '../tools/index.js';
import { descendantProcesses, everythingServer } from './everything-server.test-utils.js';
import { McpConnectionError } from './mcp-connection-error.js';
import { McpOptionsError } from './mcp-options-error.js';
import { mcpToolSets, type McpToolSets } from './mcp-tool-sets.js';

const TIMEOUT = { timeout: 30_000 };

const open: McpToolSets[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sets) => sets.close()));
  expect(await descendantProcesses()).toEqual([]);
});

const echo = defineTool({
  name: 'echo',
  description: 'My own echo',
  inputSchema: z.object({ message: z.string() }),
  execute: ({ message }) => `mine: ${message}`,
});

describe('mcpToolSets', () => {
  it(
    'prefixes the names two servers share with each server’s name, and only those',
    TIMEOUT,
    async () => {
      const servers = await mcpToolSets([
        { source: everythingServer(), name: 'a' },
        { source: everythingServer(), name: 'b' },
      ]);
      open.push(servers);
      const names = servers.tools.map((tool) => tool.name);
      expect(names).toEqual(expect.arrayContaining(['a.echo', 'b.echo', 'a.get-sum', 'b.get-sum']));
      expect(names).not.toContain('echo');
      expect(servers.tools).toBe(servers.tools);
      const run = await executePlan(
        {
          steps: [
            { id: 'x', tool: 'a.echo', args: { message: 'from a' } },
            { id: 'y', tool: 'b.echo', args: { message: 'from b' } },
          ],
        },
        servers.tools,
      );
      expect(run.results).toEqual({ x: 'Echo: from a', y: 'Echo: from b' });
    },
  );

  it(
    'names servers as they name themselves, made unique, beside your own tools',
    TIMEOUT,
    async () => {
      const servers = await mcpToolSets(
        [{ source: everythingServer() }, { source: everythingServer() }],
        {
          beside: [echo],
        },
      );
      open.push(servers);
      expect(servers.sets.map((set) => set.name)).toEqual(['everything', 'everything_2']);
      const names = servers.tools.map((tool) => tool.name);
      // Your own tool keeps its name; the servers' are prefixed where they clash.
      expect(names).toEqual(
        expect.arrayContaining([
          'echo',
          'everything.echo',
          'everything_2.echo',
          'everything.get-sum',
        ]),
      );
      const run = await executePlan(
        {
          steps: [
            { id: 'mine', tool: 'echo', args: { message: 'hi' } },
            { id: 'theirs', tool: 'everything_2.echo', args: { message: 'hi' } },
          ],
        },
        servers.tools,
      );
      expect(run.results).toEqual({ mine: 'mine: hi', theirs: 'Echo: hi' });
    },
  );

  it('closes the servers that connected when another fails', TIMEOUT, async () => {
    const error = await mcpToolSets([
      { source: everythingServer(), name: 'fine' },
      { source: { command: 'toolplan-no-such-command-xyz' }, name: 'broken' },
    ]).catch((caught: unknown) => caught);
    expect(McpConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ serverName: 'broken' });
    expect(await descendantProcesses()).toEqual([]);
  });

  it('refuses two servers given the same name before starting either', async () => {
    await expect(
      mcpToolSets([
        { source: everythingServer(), name: 'same' },
        { source: everythingServer(), name: 'same' },
      ]),
    ).rejects.toSatisfy(
      (error) =>
        McpOptionsError.isInstance(error) &&
        error.message === 'Two servers are named `same`; names must be unique.',
    );
    expect(await descendantProcesses()).toEqual([]);
  });
});
