import { createToolRegistry, type Tool, type ToolSource } from '../tools/index.js';
import type { McpClientLike } from './mcp-client-like.js';
import { McpOptionsError } from './mcp-options-error.js';
import type { McpSource } from './mcp-source.js';
import { mcpTools, type McpToolSet } from './mcp-tools.js';
import type { McpToolsOptions } from './mcp-tools-options.js';
import { mergeToolSets } from './merge-tool-sets.js';

/** One server of `mcpToolSets`: where it is, and the options of `mcpTools` for it. */
export interface McpServerConfig extends McpToolsOptions {
  source: McpSource | McpClientLike;
}

/** Several MCP servers' tools under unique names, and their connections. */
export interface McpToolSets extends AsyncDisposable {
  /** Each server's set, in the order given, under a unique name. */
  readonly sets: readonly McpToolSet[];
  /**
   * The tools of `beside` and of every server under unique names: a name only one source has is
   * kept; a name several have is prefixed with the server's name (`everything.echo`) in each
   * server that has it, while `beside` keeps its own. The latest listings: read it again after
   * a list changed.
   */
  readonly tools: readonly Tool[];
  /** Closes every connection (see `McpToolSet.close`). */
  close(): Promise<void>;
}

/**
 * Connects to several MCP servers at once (see `mcpTools`) and merges their tools, with your
 * own tools (`beside`), under unique names. Servers without a `name` are named as they name
 * themselves; where two come to the same name, the later ones get `_2`, `_3`… If any server
 * fails to connect, the others are closed and the first failure is thrown.
 *
 * ```ts
 * await using servers = await mcpToolSets(
 *   [
 *     { source: { command: 'npx', args: ['@modelcontextprotocol/server-everything'] } },
 *     { source: { url: 'https://tools.example.com/mcp' }, name: 'acme', trustAnnotations: true },
 *   ],
 *   { beside: [getWeather] },
 * );
 * const agent = createAgent({ model, tools: servers.tools });
 * ```
 */
export async function mcpToolSets(
  servers: readonly McpServerConfig[],
  options: {
    /**
     * Tools of your own, in any form toolplan takes (an array, an AI SDK tool set, a registry).
     * They keep their names.
     * @default [] (none)
     */
    beside?: ToolSource;
  } = {},
): Promise<McpToolSets> {
  if (!Array.isArray(servers)) {
    throw new McpOptionsError({
      problems: [
        `Expected \`mcpToolSets\` to be given an array of servers, got \`${String(servers)}\``,
      ],
    });
  }
  // Your own tools are checked before any server is started.
  const beside = createToolRegistry(options.beside ?? []).list();
  const given = servers.map((server) => server.name).filter((name) => name !== undefined);
  const twice = given.find((name, index) => given.indexOf(name) !== index);
  if (twice !== undefined) {
    throw new McpOptionsError({
      problems: [`Two servers are named \`${twice}\`; names must be unique.`],
    });
  }
  const settled = await Promise.allSettled(
    servers.map(({ source, ...options }) => mcpTools(source, options)),
  );
  const connected = settled.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed !== undefined) {
    await Promise.allSettled(connected.map((set) => set.close()));
    throw failed.reason;
  }
  const sets = uniqueNames(
    connected,
    servers.map((server) => server.name !== undefined),
  );
  let merged: { listings: ReadonlyArray<readonly Tool[]>; tools: readonly Tool[] } | undefined;
  const close = async () => {
    const results = await Promise.allSettled(sets.map((set) => set.close()));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  };
  return {
    sets,
    get tools() {
      const listings = sets.map((set) => set.tools);
      // Merged again only when a listing changed, so that the tools keep their identity.
      if (
        merged === undefined ||
        listings.some((tools, index) => tools !== merged?.listings[index])
      ) {
        const groups = [
          { tools: beside },
          ...sets.map((set, index) => ({ name: set.name, tools: listings[index] ?? [] })),
        ];
        merged = { listings, tools: Object.freeze(mergeToolSets(groups)) };
      }
      return merged.tools;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** The sets, each under a name no other has: a name given is kept, a learned one may get `_2`. */
function uniqueNames(sets: readonly McpToolSet[], named: readonly boolean[]): McpToolSet[] {
  const taken = new Set(sets.filter((_, index) => named[index] === true).map((set) => set.name));
  return sets.map((set, index) => {
    if (named[index] === true) return set;
    let name = set.name;
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${set.name.slice(0, 60)}_${suffix}`;
    taken.add(name);
    return name === set.name ? set : renamed(set, name);
  });
}

function renamed(set: McpToolSet, name: string): McpToolSet {
  return {
    name,
    get tools() {
      return set.tools;
    },
    refresh: () => set.refresh(),
    onToolsChanged: (listener) => set.onToolsChanged(listener),
    close: () => set.close(),
    [Symbol.asyncDispose]: () => set.close(),
  };
}
