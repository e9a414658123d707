import { describe, expect, it } from 'vitest';
import { createProgram } from './create-program.js';
import { runCli } from './run-cli.test-utils.js';

describe('toolplan: usage errors exit 2 and say what to do', () => {
  it('suggests the command meant by a misspelt one, and --help', async () => {
    const { stdout, stderr, exitCode } = await runCli('benchh');
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "error: unknown command 'benchh'\n(Did you mean bench?)\nRun `toolplan --help` for the commands.",
    );
  });

  it('suggests the option meant by a misspelt one, and the command’s --help', async () => {
    const { stderr, exitCode } = await runCli('run', 'q', '--tools', 'x.mjs', '--sripts', 'y');
    expect(exitCode).toBe(2);
    expect(stderr).toBe(
      "error: unknown option '--sripts'\n(Did you mean --scripts?)\nRun `toolplan run --help` for its options.",
    );
  });

  it('names a missing required option, a missing argument and an invalid value', async () => {
    const missingOption = await runCli('exec', 'plan.json');
    expect(missingOption.exitCode).toBe(2);
    expect(missingOption.stderr).toContain(
      "error: required option '--tools <module>' not specified",
    );
    expect(missingOption.stderr).toContain('Run `toolplan exec --help` for its options.');
    const missingArgument = await runCli('run', '--tools', 'x.mjs');
    expect(missingArgument.exitCode).toBe(2);
    expect(missingArgument.stderr).toContain("error: missing required argument 'query'");
    const invalid = await runCli('serve-model', '--port', '99999');
    expect(invalid.exitCode).toBe(2);
    expect(invalid.stderr).toContain('Expected a port (0–65535), got `99999`');
    const tooMany = await runCli('traces', 'extra');
    expect(tooMany.exitCode).toBe(2);
    expect(tooMany.stderr).toContain('too many arguments');
  });

  it('treats flags that do not go together as a usage error', async () => {
    const { stderr, exitCode } = await runCli('run', 'q', '--tools', 'x.mjs', '--model', 'gpt-4o');
    expect(exitCode).toBe(2);
    expect(stderr).toBe(
      'error: `--model` needs `--base-url` (the simulated provider serves its profile).',
    );
  });

  it('shows the commands on stderr, exit 2, when none is given; help and version exit 0', async () => {
    const none = await runCli();
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('Usage: toolplan [options] [command]');
    const help = await runCli('--help');
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('--verbose');
    expect(help.stderr).toBe('');
    const version = await runCli('--version');
    expect(version.exitCode).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('toolplan: errors a person reads', () => {
  it('prints an expected error in one line, and its stack only with --verbose', async () => {
    const plain = await runCli('exec', 'no-such-plan.json', '--tools', 'x.mjs');
    expect(plain.exitCode).toBe(2);
    expect(plain.stderr).toBe('error: cannot read the plan file no-such-plan.json: no such file');
    for (const args of [
      ['--verbose', 'exec', 'no-such-plan.json', '--tools', 'x.mjs'],
      ['exec', 'no-such-plan.json', '--tools', 'x.mjs', '--verbose'],
    ]) {
      const verbose = await runCli(...args);
      expect(verbose.exitCode).toBe(2);
      const lines = verbose.stderr.split('\n');
      expect(lines[0]).toBe('error: cannot read the plan file no-such-plan.json: no such file');
      expect(lines[1]).toBe(
        'InputFileError: cannot read the plan file no-such-plan.json: no such file',
      );
      expect(lines[2]).toMatch(/^ {4}at /);
      expect(verbose.stderr).toMatch(/caused by: Error: ENOENT: no such file or directory/);
    }
  });

  it('prints a bug whole, with the stack, and exits 70', async () => {
    const stderr: string[] = [];
    let exitCode = 0;
    const program = createProgram({
      // A bug: printing itself fails.
      stdout: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'write')");
      },
      stderr: (text) => stderr.push(text),
      setExitCode: (code) => (exitCode = code),
    });
    await program.parseAsync(['node', 'toolplan', 'traces', '--db', 'no-such-trace-log.sqlite']);
    expect(exitCode).toBe(70);
    expect(stderr[0]).toMatch(/a bug in toolplan; please report it/);
    expect(stderr[1]).toMatch(
      /^TypeError: Cannot read properties of undefined \(reading 'write'\)\n {4}at /,
    );
  });
});

describe('toolplan run --help', () => {
  it('marks required options, lists the environment it reads and shows an example', async () => {
    const exec = await runCli('exec', '--help');
    expect(exec.stdout).toMatch(
      /--tools <module> +ES module whose default export[\s\S]*\(required\)/,
    );
    const { stdout, exitCode } = await runCli('run', '--help');
    expect(exitCode).toBe(0);
    // `run` takes its tools from `--tools`, MCP servers or both: no one flag is required.
    expect(stdout).toMatch(/--tools <module> +ES module whose default export/);
    expect(stdout).toMatch(/--mcp <command> +an MCP server to start/);
    expect(stdout).toMatch(/--mcp-url <url> +an MCP server at a URL/);
    expect(stdout).not.toMatch(/\(required\)/);
    expect(stdout).toMatch(
      /Environment variables[^\n]*:\n {2}TOOLPLAN_API_KEY {2}[^\n]+\n {2}OPENAI_API_KEY {4}/,
    );
    expect(stdout).toContain(
      '$ toolplan run "How much are 120 EUR in USD and in JPY?" --tools examples/quickstart/tools.mjs --scripts examples/quickstart/scripts.json',
    );
    expect(stdout).toContain('--verbose');
  });
});
