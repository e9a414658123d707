import { describe, expect, it } from 'vitest';
import type { McpClientLike, McpToolDescription } from './mcp-client-like.js';
import { mcpTools } from './mcp-tools.js';

// How the listing is kept, with a client whose answers the test releases one by one (a unit
// test of this layer; the protocol itself is tested against real servers).
function controlledClient() {
  const pending: Array<(tools: McpToolDescription[]) => void> = [];
  let calls = 0;
  const client: McpClientLike = {
    listTools: () => {
      calls += 1;
      return new Promise((resolve) => pending.push((tools) => resolve({ tools })));
    },
    callTool: () => Promise.resolve({ content: [{ type: 'text', text: 'ok' }] }),
    getServerVersion: () => ({ name: 'controlled' }),
  };
  const tool = (name: string): McpToolDescription => ({ name, inputSchema: { type: 'object' } });
  return {
    client,
    get calls() {
      return calls;
    },
    /** Answers the oldest listing still waiting with these tool names. */
    async answer(...names: string[]) {
      while (pending.length === 0) await new Promise((resolve) => setImmediate(resolve));
      pending.shift()?.(names.map(tool));
    },
  };
}

describe('the listing of an MCP tool set', () => {
  it('is kept: reading the tools lists nothing', async () => {
    const server = controlledClient();
    const connecting = mcpTools(server.client);
    await server.answer('a');
    const set = await connecting;
    expect(set.name).toBe('controlled');
    expect(set.tools.map((tool) => tool.name)).toEqual(['a']);
    expect(set.tools).toBe(set.tools);
    expect(server.calls).toBe(1);
  });

  it('lists once more after a listing in flight, however many refreshes were asked meanwhile', async () => {
    const server = controlledClient();
    const connecting = mcpTools(server.client);
    await server.answer('a');
    const set = await connecting;
    const heard: string[][] = [];
    set.onToolsChanged((tools) => heard.push(tools.map((tool) => tool.name)));

    const first = set.refresh();
    const second = set.refresh();
    const third = set.refresh();
    expect(second).toBe(third);
    await server.answer('a', 'b');
    expect((await first).map((tool) => tool.name)).toEqual(['a', 'b']);
    // The second listing starts only after the first: a change announced during it is seen.
    await server.answer('a', 'b', 'c');
    expect((await second).map((tool) => tool.name)).toEqual(['a', 'b', 'c']);
    expect(server.calls).toBe(3);
    expect(heard).toEqual([
      ['a', 'b'],
      ['a', 'b', 'c'],
    ]);
  });

  it('reports a listener that throws to onError, and still tells the others', async () => {
    const server = controlledClient();
    const errors: unknown[] = [];
    const connecting = mcpTools(server.client, { onError: (error) => errors.push(error) });
    await server.answer('a');
    const set = await connecting;
    const heard: number[] = [];
    set.onToolsChanged(() => {
      throw new Error('listener failed');
    });
    const off = set.onToolsChanged((tools) => heard.push(tools.length));
    const refreshing = set.refresh();
    await server.answer('a', 'b');
    await refreshing;
    off();
    const again = set.refresh();
    await server.answer('a');
    await again;
    expect(heard).toEqual([2]);
    expect(errors.map((error) => (error as Error).message)).toEqual([
      'listener failed',
      'listener failed',
    ]);
  });

  it('refuses to list or call once closed', async () => {
    const server = controlledClient();
    const connecting = mcpTools(server.client);
    await server.answer('a');
    const set = await connecting;
    await set.close();
    await expect(set.refresh()).rejects.toThrow(
      'The connection to the MCP server `controlled` is closed.',
    );
    expect(server.calls).toBe(1);
  });
});
