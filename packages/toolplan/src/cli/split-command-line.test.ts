import { describe, expect, it } from 'vitest';
import { CliUsageError } from './cli-usage-error.js';
import { splitCommandLine } from './split-command-line.js';

describe('splitCommandLine', () => {
  it('splits at whitespace, however much', () => {
    expect(splitCommandLine('npx @modelcontextprotocol/server-everything')).toEqual([
      'npx',
      '@modelcontextprotocol/server-everything',
    ]);
    expect(splitCommandLine('  node\tserver.js \n stdio  ')).toEqual([
      'node',
      'server.js',
      'stdio',
    ]);
    expect(splitCommandLine('')).toEqual([]);
    expect(splitCommandLine('   ')).toEqual([]);
  });

  it('keeps quoted text as one word, quotes removed', () => {
    expect(splitCommandLine(`node "my server.js" --name 'a b'`)).toEqual([
      'node',
      'my server.js',
      '--name',
      'a b',
    ]);
    expect(splitCommandLine(`--flag="x y"'z'w`)).toEqual(['--flag=x yzw']);
    expect(splitCommandLine(`a "" ''`)).toEqual(['a', '', '']);
  });

  it('reads backslashes as a shell does', () => {
    expect(splitCommandLine('a\\ b c')).toEqual(['a b', 'c']);
    expect(splitCommandLine(`"say \\"hi\\" \\\\ \\$HOME \\n"`)).toEqual(['say "hi" \\ $HOME \\n']);
    expect(splitCommandLine(`'it\\'`)).toEqual(['it\\']);
  });

  it('expands nothing', () => {
    expect(splitCommandLine('echo $HOME ~ *.js $(id) `id` a;b a|b')).toEqual([
      'echo',
      '$HOME',
      '~',
      '*.js',
      '$(id)',
      '`id`',
      'a;b',
      'a|b',
    ]);
  });

  it('refuses an unterminated quote or a trailing backslash', () => {
    expect(() => splitCommandLine(`node "server.js`)).toThrow(
      'The command `node "server.js` has an unterminated " quote.',
    );
    expect(() => splitCommandLine(`node 'a`)).toThrow("has an unterminated ' quote.");
    let error: unknown;
    try {
      splitCommandLine('node \\');
    } catch (caught) {
      error = caught;
    }
    expect(CliUsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'The command `node \\` ends with a backslash that escapes nothing.',
    );
  });
});
