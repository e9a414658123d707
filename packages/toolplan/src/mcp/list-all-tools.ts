import type { McpClientLike, McpToolDescription } from './mcp-client-like.js';

/** Most `tools/list` pages read in one listing: a server's cursors must come to an end. */
export const MAX_TOOL_PAGES = 100;

/**
 * Every tool a server lists, following `nextCursor` page after page. A cursor seen before, or
 * more than {@link MAX_TOOL_PAGES} pages, is an error: a server must not keep a client listing
 * for ever. Tools that only the experimental tasks API can call (`taskSupport: 'required'`) are
 * left out: `tools/call` refuses them.
 */
export async function listAllTools(client: McpClientLike): Promise<McpToolDescription[]> {
  const tools: McpToolDescription[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; ; page += 1) {
    const result = await client.listTools(cursor === undefined ? undefined : { cursor });
    tools.push(...result.tools);
    cursor = result.nextCursor ?? undefined;
    if (cursor === undefined || cursor === '') break;
    if (seen.has(cursor)) {
      throw new Error(`The server repeated the \`tools/list\` cursor \`${cursor.slice(0, 100)}\`.`);
    }
    if (page >= MAX_TOOL_PAGES) {
      throw new Error(`The server listed more than ${MAX_TOOL_PAGES} pages of tools.`);
    }
    seen.add(cursor);
  }
  return tools.filter((tool) => tool.execution?.taskSupport !== 'required');
}
