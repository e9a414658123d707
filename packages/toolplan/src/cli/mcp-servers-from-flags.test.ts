import { describe, expect, it } from 'vitest';
import { CliUsageError } from './cli-usage-error.js';
import { mcpServersFromFlags } from './mcp-servers-from-flags.js';

describe('mcpServersFromFlags', () => {
  it('turns each --mcp into a command and its arguments, and each --mcp-url into a URL', () => {
    expect(
      mcpServersFromFlags({
        mcp: ['npx @modelcontextprotocol/server-everything', `node "my server.js" --port 0`],
        mcpUrl: ['http://localhost:3001/mcp'],
      }),
    ).toEqual([
      {
        source: { command: 'npx', args: ['@modelcontextprotocol/server-everything'] },
        trustAnnotations: false,
      },
      {
        source: { command: 'node', args: ['my server.js', '--port', '0'] },
        trustAnnotations: false,
      },
      { source: { url: 'http://localhost:3001/mcp' }, trustAnnotations: false },
    ]);
  });

  it('trusts every server’s annotations only with --trust-mcp', () => {
    expect(
      mcpServersFromFlags({
        mcp: ['server'],
        mcpUrl: ['https://x.example/mcp'],
        trustMcp: true,
      }).map((server) => server.trustAnnotations),
    ).toEqual([true, true]);
  });

  it('gives nothing for no flags', () => {
    expect(mcpServersFromFlags({})).toEqual([]);
    expect(mcpServersFromFlags({ mcp: [], mcpUrl: [] })).toEqual([]);
  });

  it('refuses an empty command, a broken quote and a URL that is not http(s)', () => {
    const problem = (flags: Parameters<typeof mcpServersFromFlags>[0]) => {
      try {
        mcpServersFromFlags(flags);
      } catch (error) {
        expect(CliUsageError.isInstance(error)).toBe(true);
        return (error as Error).message;
      }
      return undefined;
    };
    expect(problem({ mcp: ['  '], mcpUrl: [] })).toBe(
      'Expected `--mcp` to be a command that starts an MCP server, got an empty one.',
    );
    expect(problem({ mcp: ['node "x'], mcpUrl: [] })).toBe(
      'The command `node "x` has an unterminated " quote.',
    );
    expect(problem({ mcp: [], mcpUrl: ['localhost:3001'] })).toBe(
      'Expected `--mcp-url` to be an http(s) URL such as http://localhost:3001/mcp, got `localhost:3001`',
    );
    expect(problem({ mcp: [], mcpUrl: ['not a url'] })).toMatch(/got `not a url`$/);
  });
});
