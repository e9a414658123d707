import { describe, expect, it } from 'vitest';
import { ToolDefinitionError, toTool, type Tool } from '../tools/index.js';
import { mergeToolSets } from './merge-tool-sets.js';

function tool(name: string): Tool {
  return toTool({ name, inputSchema: { type: 'object' }, execute: () => name });
}

describe('mergeToolSets', () => {
  it('keeps every name that only one source has', () => {
    const merged = mergeToolSets([
      { tools: [tool('mine')] },
      { name: 'everything', tools: [tool('echo'), tool('get-sum')] },
      { name: 'files', tools: [tool('read')] },
    ]);
    expect(merged.map((item) => item.name)).toEqual(['mine', 'echo', 'get-sum', 'read']);
  });

  it('prefixes a clashing name with each server’s name, and the tools still work', async () => {
    const merged = mergeToolSets([
      { name: 'a', tools: [tool('echo'), tool('get-sum')] },
      { name: 'b', tools: [tool('echo')] },
    ]);
    expect(merged.map((item) => item.name)).toEqual(['a.echo', 'get-sum', 'b.echo']);
    expect(await merged[0]?.execute({}, {} as never)).toBe('echo');
  });

  it('leaves the caller’s own tool its name and prefixes the server’s', () => {
    const merged = mergeToolSets([
      { tools: [tool('echo')] },
      { name: 'everything', tools: [tool('echo')] },
    ]);
    expect(merged.map((item) => item.name)).toEqual(['echo', 'everything.echo']);
  });

  it('refuses names that still clash, saying where each came from', () => {
    expect(() => mergeToolSets([{ tools: [tool('echo')] }, { tools: [tool('echo')] }])).toThrow(
      'Two tools are named `echo`: one of your tools, one of your tools.',
    );
    expect(() => mergeToolSets([{ name: 'a', tools: [tool('x'), tool('x')] }])).toThrow(
      'MCP server `a` has two tools named `x`; names must be unique.',
    );
    const error = (() => {
      try {
        mergeToolSets([
          { name: 'a', tools: [tool('b.x')] },
          { name: 'b', tools: [tool('x')] },
          { name: 'c', tools: [tool('x')] },
          { tools: [tool('a.x')] },
        ]);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    // `b.x` clashes with nothing, so it is kept; `b` prefixes its `x` to `b.x`: a clash.
    expect(ToolDefinitionError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'Two tools are named `b.x`: one of MCP server `a`, one of MCP server `b`.',
    );
  });

  it('refuses a prefixed name over 128 characters', () => {
    const long = 'n'.repeat(125);
    expect(() =>
      mergeToolSets([
        { name: 'server', tools: [tool(long)] },
        { name: 'other', tools: [tool(long)] },
      ]),
    ).toThrow(/prefixed name `server\.n+` is longer than 128 characters/);
  });
});
