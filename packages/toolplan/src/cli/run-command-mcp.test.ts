import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptBook } from '@toolplan/simulator';
import { descendantProcesses } from '../mcp/everything-server.test-utils.js';
import { runCli } from './run-cli.test-utils.js';

// `toolplan run --mcp` against @modelcontextprotocol/server-everything, started with npx as a
// user would start it (npx finds it in node_modules: no network).
const TIMEOUT = { timeout: 30_000 };
const EVERYTHING = 'npx @modelcontextprotocol/server-everything';

const SUM = 'Echo hello and add 2 and 3.';
const FAILING = 'Get resource number zero.';
const MIXED = 'Echo hello here and there.';

let directory: string;
let scriptsPath: string;
let toolsPath: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-run-mcp-'));
  scriptsPath = join(directory, 'scripts.json');
  toolsPath = join(directory, 'tools.mjs');
  const scripts: ScriptBook = {
    scenarios: [
      {
        name: 'mcp-sum',
        query: SUM,
        plan: {
          steps: [
            { id: 'e', tool: 'echo', args: { message: 'hello' } },
            { id: 's', tool: 'get-sum', args: { a: 2, b: 3 } },
          ],
          answer: '${e} ${s}',
        },
      },
      {
        name: 'mcp-error',
        query: FAILING,
        plan: { steps: [{ id: 'r', tool: 'get-resource-reference', args: { resourceId: 0 } }] },
        joinAnswer: 'The resource could not be read.',
      },
      {
        name: 'mcp-mixed',
        query: MIXED,
        plan: {
          steps: [
            { id: 'mine', tool: 'echo', args: { message: 'hello' } },
            { id: 'theirs', tool: 'everything.echo', args: { message: 'hello' } },
          ],
          answer: '${mine} | ${theirs}',
        },
      },
    ],
  };
  await writeFile(scriptsPath, JSON.stringify(scripts));
  await writeFile(
    toolsPath,
    `export default {
      echo: {
        description: 'Echoes locally',
        parameters: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] },
        execute: async ({ message }) => 'local: ' + message,
      },
    };`,
  );
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

afterEach(async () => {
  // The servers were closed when the run ended, whatever happened.
  expect(await descendantProcesses()).toEqual([]);
});

describe('toolplan run --mcp', () => {
  it('plans over an MCP server’s tools and answers, with the steps listed', TIMEOUT, async () => {
    const { stdout, stderr, exitCode } = await runCli(
      'run',
      SUM,
      '--mcp',
      EVERYTHING,
      '--scripts',
      scriptsPath,
      '--speed',
      '100',
      '--no-traces',
    );
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^✓ e +echo +\d/m);
    expect(stdout).toMatch(/^✓ s +get-sum +\d/m);
    expect(stdout).toContain('\nEcho: hello The sum of 2 and 3 is 5.\n');
    expect(stdout).toMatch(/answered by the plan's template$/);
  });

  it('prints the same JSON as with --tools', TIMEOUT, async () => {
    const { stdout, exitCode } = await runCli(
      'run',
      SUM,
      '--mcp',
      EVERYTHING,
      '--scripts',
      scriptsPath,
      '--speed',
      '100',
      '--no-traces',
      '--json',
    );
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual([
      'answer',
      'answeredBy',
      'fallThrough',
      'plan',
      'results',
      'steps',
      'timeline',
      'usage',
      'wallMs',
    ]);
    expect(json['answer']).toBe('Echo: hello The sum of 2 and 3 is 5.');
    expect(
      (json['steps'] as Array<{ id: string; tool: string; status: string }>).map(
        ({ id, tool, status }) => ({ id, tool, status }),
      ),
    ).toEqual([
      { id: 'e', tool: 'echo', status: 'ok' },
      { id: 's', tool: 'get-sum', status: 'ok' },
    ]);
  });

  it('exits 1 with the server’s words when its tool reports an error', TIMEOUT, async () => {
    const { stdout, exitCode } = await runCli(
      'run',
      FAILING,
      '--mcp',
      EVERYTHING,
      '--scripts',
      scriptsPath,
      '--speed',
      '100',
      '--no-traces',
      '--json',
    );
    expect(exitCode).toBe(1);
    const json = JSON.parse(stdout) as { steps: Array<{ status: string; error?: unknown }> };
    // The replan asks for the same call again, which is refused: the tool has side effects
    // (an untrusted server's hints count for nothing).
    expect(json.steps.map((step) => step.status)).toEqual(['error', 'error']);
    expect(json.steps[0]).toMatchObject({
      status: 'error',
      error: {
        name: 'ToolExecutionError',
        cause: {
          name: 'McpToolError',
          serverName: 'everything',
          toolName: 'get-resource-reference',
          message:
            'MCP server `everything`: tool `get-resource-reference` reported an error: Invalid resourceId: 0. Must be a finite positive integer.',
        },
      },
    });
    expect(json.steps[1]).toMatchObject({ error: { name: 'RepeatedSideEffectError' } });
  });

  it('closes the server when the run fails before any step', TIMEOUT, async () => {
    const { stderr, exitCode } = await runCli(
      'run',
      'A query no script knows',
      '--mcp',
      EVERYTHING,
      '--scripts',
      scriptsPath,
      '--speed',
      '100',
      '--no-traces',
    );
    expect(exitCode).toBe(2);
    expect(stderr).toContain('A query no script knows');
    // (afterEach: no process is left.)
  });

  it('merges --tools and servers, prefixing only the names they share', TIMEOUT, async () => {
    const { stdout, exitCode } = await runCli(
      'run',
      MIXED,
      '--tools',
      toolsPath,
      '--mcp',
      EVERYTHING,
      '--scripts',
      scriptsPath,
      '--speed',
      '100',
      '--no-traces',
      '--json',
    );
    expect(exitCode).toBe(0);
    expect((JSON.parse(stdout) as { answer: string }).answer).toBe('local: hello | Echo: hello');
  });

  it('is a usage error without any tools, or with a command it cannot split', async () => {
    const none = await runCli('run', SUM, '--scripts', scriptsPath);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toBe(
      'error: Give the tools: `--tools MODULE`, `--mcp "COMMAND"` (an MCP server to start) or `--mcp-url URL`.',
    );
    const quote = await runCli('run', SUM, '--mcp', 'node "server.js', '--scripts', scriptsPath);
    expect(quote.exitCode).toBe(2);
    expect(quote.stderr).toBe('error: The command `node "server.js` has an unterminated " quote.');
    const url = await runCli('run', SUM, '--mcp-url', 'localhost:3001', '--scripts', scriptsPath);
    expect(url.exitCode).toBe(2);
    expect(url.stderr).toContain('Expected `--mcp-url` to be an http(s) URL');
  });

  it('says which server could not be started, and starts no run', TIMEOUT, async () => {
    const { stderr, exitCode } = await runCli(
      'run',
      SUM,
      '--mcp',
      EVERYTHING,
      '--mcp',
      'toolplan-no-such-command-xyz --flag',
      '--scripts',
      scriptsPath,
      '--no-traces',
    );
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(
      /^error: Cannot connect to the MCP server `toolplan-no-such-command-xyz --flag`: .*ENOENT/,
    );
  });
});
