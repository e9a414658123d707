import { describe, expect, it } from 'vitest';
import { listAllTools, MAX_TOOL_PAGES } from './list-all-tools.js';
import type { McpClientLike, McpToolDescription } from './mcp-client-like.js';

function tool(name: string, taskSupport?: string): McpToolDescription {
  return {
    name,
    inputSchema: { type: 'object' },
    ...(taskSupport === undefined ? {} : { execution: { taskSupport } }),
  };
}

/** A client whose `tools/list` answers from pages keyed by cursor ('' for the first). */
function pagedClient(
  pages: Record<string, { tools: McpToolDescription[]; nextCursor?: string }>,
): McpClientLike & { cursors: Array<string | undefined> } {
  const cursors: Array<string | undefined> = [];
  return {
    cursors,
    listTools: (params) => {
      cursors.push(params?.cursor);
      const page = pages[params?.cursor ?? ''];
      return page === undefined ? Promise.reject(new Error('no page')) : Promise.resolve(page);
    },
    callTool: () => Promise.reject(new Error('not in this test')),
  };
}

describe('listAllTools', () => {
  it('follows cursors to the last page', async () => {
    const client = pagedClient({
      '': { tools: [tool('a')], nextCursor: 'p2' },
      p2: { tools: [tool('b'), tool('c')], nextCursor: 'p3' },
      p3: { tools: [tool('d')] },
    });
    expect((await listAllTools(client)).map((item) => item.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(client.cursors).toEqual([undefined, 'p2', 'p3']);
  });

  it('leaves out tools that only the tasks API can call', async () => {
    const client = pagedClient({
      '': { tools: [tool('a', 'forbidden'), tool('b', 'required'), tool('c', 'optional')] },
    });
    expect((await listAllTools(client)).map((item) => item.name)).toEqual(['a', 'c']);
  });

  it('stops at a repeated cursor and at too many pages', async () => {
    const looping = pagedClient({
      '': { tools: [tool('a')], nextCursor: 'p2' },
      p2: { tools: [tool('b')], nextCursor: 'p2' },
    });
    await expect(listAllTools(looping)).rejects.toThrow(
      'The server repeated the `tools/list` cursor `p2`.',
    );
    let served = 0;
    const endless: McpClientLike = {
      listTools: () => {
        served += 1;
        return Promise.resolve({ tools: [tool(`t${served}`)], nextCursor: `c${served}` });
      },
      callTool: () => Promise.reject(new Error('not in this test')),
    };
    await expect(listAllTools(endless)).rejects.toThrow(
      `The server listed more than ${MAX_TOOL_PAGES} pages of tools.`,
    );
    expect(served).toBe(MAX_TOOL_PAGES);
  });
});
