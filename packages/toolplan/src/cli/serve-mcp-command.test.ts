import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantProcesses, EVERYTHING_BIN } from '../mcp/everything-server.test-utils.js';
import { runCli } from './run-cli.test-utils.js';

// `toolplan serve-mcp` as a client starts it: the real CLI in a process of its own (from the
// sources, through tsx), spoken to by the official MCP SDK's client.
const root = fileURLToPath(new URL('../../../..', import.meta.url));
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const cliArgs = (...args: string[]) => ['--import', 'tsx', main, 'serve-mcp', ...args];

// Plain tool objects (no import), one a side effect that logs with console.log, counters that
// show what ran, and a side effect under the default policy.
const FIXTURE_TOOLS = `
let recorded = 0;
let emails = 0;
const object = (properties) => ({ type: 'object', properties, required: Object.keys(properties) });
export default [
  {
    name: 'get_rate',
    description: 'Exchange rate between two currencies.',
    inputSchema: object({ from: { type: 'string' }, to: { type: 'string' } }),
    readOnly: true,
    execute: ({ from, to }) => ({ from, to, rate: from === 'EUR' && to === 'USD' ? 1.08 : 1 }),
  },
  {
    name: 'record',
    description: 'Appends a line to the audit log.',
    inputSchema: object({ text: { type: 'string' } }),
    policy: () => 'allow',
    execute: ({ text }) => {
      recorded += 1;
      console.log('recording ' + text);
      return { recorded };
    },
  },
  {
    name: 'count_records',
    description: 'How many lines were recorded.',
    inputSchema: object({}),
    readOnly: true,
    execute: () => ({ recorded }),
  },
  {
    name: 'send_email',
    description: 'Sends an e-mail.',
    inputSchema: object({ to: { type: 'string' }, body: { type: 'string' } }),
    execute: () => {
      emails += 1;
      return { sent: true };
    },
  },
  {
    name: 'count_emails',
    description: 'How many e-mails were sent.',
    inputSchema: object({}),
    readOnly: true,
    execute: () => ({ emails }),
  },
];
`;

const SCRIPTS = {
  scenarios: [
    {
      name: 'rate',
      query: 'What is one euro in dollars?',
      plan: {
        steps: [{ id: 'r', tool: 'get_rate', args: { from: 'EUR', to: 'USD' } }],
        answer: 'One euro is ${r.rate} dollars.',
      },
      joinAnswer: 'One euro is ${r.rate} dollars.',
    },
  ],
};

const CONVERSION = {
  steps: [
    { id: 'r', tool: 'get_rate', forEach: ['USD', 'JPY'], args: { from: 'EUR', to: '$item' } },
    { id: 'c', tool: 'convert', forEach: '$r', args: { amount: 120, rate: '$item.rate' } },
  ],
  answer: '120 EUR is ${c[0].amount} USD and ${c[1].amount} JPY.',
};

let directory: string;
let fixtureTools: string;
let scripts: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-serve-mcp-'));
  fixtureTools = join(directory, 'tools.mjs');
  scripts = join(directory, 'scripts.json');
  await writeFile(fixtureTools, FIXTURE_TOOLS);
  await writeFile(scripts, JSON.stringify(SCRIPTS));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The SDK client on a `toolplan serve-mcp` process over stdio, with what went wrong and stderr. */
async function connectStdio(...args: string[]) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: cliArgs(...args),
    cwd: root,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  // A line on stdout that is not JSON-RPC lands here.
  const protocolErrors: Error[] = [];
  client.onerror = (error) => protocolErrors.push(error);
  await client.connect(transport);
  return { client, transport, protocolErrors, stderr: () => stderr };
}

/** Closes the client, which closes the server's stdin: the server process must be gone after. */
async function closeStdio(session: { client: Client; transport: StdioClientTransport }) {
  const { pid } = session.transport;
  await session.client.close();
  expect(pid).not.toBeNull();
  expect(isRunning(pid as number)).toBe(false);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function runPlan(client: Client, plan: unknown) {
  return client.callTool({ name: 'run_plan', arguments: { plan } });
}

describe('toolplan serve-mcp over stdio (the official SDK client)', { timeout: 30_000 }, () => {
  let session: Awaited<ReturnType<typeof connectStdio>>;

  beforeAll(async () => {
    session = await connectStdio('--tools', 'examples/quickstart/tools.mjs');
  }, 30_000);

  afterAll(async () => {
    await closeStdio(session);
  });

  it('lists run_plan, with its schemas', async () => {
    const { tools } = await session.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['run_plan']);
    expect(tools[0]?.inputSchema.required).toEqual(['plan']);
    expect(tools[0]?.outputSchema).toMatchObject({ type: 'object' });
    expect(tools[0]?.annotations).toMatchObject({ readOnlyHint: true });
  });

  it('runs a plan and returns structured results', async () => {
    const result = await runPlan(session.client, CONVERSION);
    expect(result.isError).not.toBe(true);
    expect(result.structuredContent).toMatchObject({
      status: 'ok',
      answer: '120 EUR is 129.6 USD and 19488 JPY.',
      results: {
        r: [{ rate: 1.08 }, { rate: 162.4 }],
        c: [{ amount: 129.6 }, { amount: 19488 }],
      },
      steps: [
        { id: 'r', status: 'ok' },
        { id: 'c', status: 'ok' },
      ],
    });
  });

  it('returns an invalid plan as a tool error with every issue', async () => {
    const result = await runPlan(session.client, {
      steps: [
        { id: 'r', tool: 'get_rates', args: { from: 'EUR', to: 'USD' } },
        { id: 'c', tool: 'convert', args: { amount: '120', rate: '$r.rate' } },
      ],
    });
    expect(result.isError).toBe(true);
    const output = result.structuredContent as { status: string; issues: Array<{ code: string }> };
    expect(output.status).toBe('invalid');
    expect(output.issues.map((issue) => issue.code)).toEqual(['unknown_tool', 'invalid_arguments']);
    expect((result.content as Array<{ text: string }>)[0]?.text).toMatch(
      /^The plan has 2 problems/,
    );
  });

  it('writes nothing but JSON-RPC on stdout, and its log on stderr', () => {
    expect(session.protocolErrors).toEqual([]);
    expect(session.stderr()).toContain(
      'toolplan serve-mcp: serving run_plan with 2 tools (get_rate, convert) over stdio',
    );
  });
});

describe('toolplan serve-mcp: untrusted plans and ask', { timeout: 30_000 }, () => {
  let session: Awaited<ReturnType<typeof connectStdio>>;

  beforeAll(async () => {
    session = await connectStdio('--tools', fixtureTools, '--scripts', scripts, '--speed', '50');
  }, 30_000);

  afterAll(async () => {
    await closeStdio(session);
  });

  const count = async (tool: 'count_records' | 'count_emails') => {
    const result = await runPlan(session.client, { steps: [{ id: 'n', tool, args: {} }] });
    return (result.structuredContent as { results: { n: Record<string, number> } }).results.n;
  };

  it('runs nothing of an invalid plan, not even its valid side effect', async () => {
    const result = await runPlan(session.client, {
      steps: [
        { id: 'log', tool: 'record', args: { text: 'before' } },
        { id: 'bad', tool: 'send_email', args: { to: 'x@example.com' } },
      ],
    });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({
      status: 'invalid',
      issues: [{ code: 'invalid_arguments', stepId: 'bad' }],
    });
    expect(await count('count_records')).toEqual({ recorded: 0 });
    // The counter moves when the side effect does run.
    const valid = await runPlan(session.client, {
      steps: [{ id: 'log', tool: 'record', args: { text: 'after' } }],
    });
    expect(valid.structuredContent).toMatchObject({
      status: 'ok',
      results: { log: { recorded: 1 } },
    });
    expect(await count('count_records')).toEqual({ recorded: 1 });
  });

  it("denies a side effect on the plan's literal values, and reports it", async () => {
    const result = await runPlan(session.client, {
      steps: [{ id: 'mail', tool: 'send_email', args: { to: 'boss@example.com', body: 'I quit' } }],
    });
    expect(result.isError).not.toBe(true);
    expect(result.structuredContent).toMatchObject({
      status: 'error',
      results: {},
      steps: [
        {
          id: 'mail',
          status: 'denied',
          attempts: 0,
          error: {
            name: 'PolicyDeniedError',
            reason: expect.stringContaining('MCP client') as string,
          },
        },
      ],
    });
    expect(await count('count_emails')).toEqual({ emails: 0 });
  });

  it('answers a query with ask, from the simulated provider', async () => {
    const { tools } = await session.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['run_plan', 'ask']);
    const result = await session.client.callTool({
      name: 'ask',
      arguments: { query: 'What is one euro in dollars?' },
    });
    expect(result.isError).not.toBe(true);
    expect(result.structuredContent).toMatchObject({
      answer: 'One euro is 1.08 dollars.',
      answeredBy: 'template',
      steps: [{ id: 'r', tool: 'get_rate', status: 'ok' }],
      usage: { llmCalls: 1 },
    });
  });

  it("sends a tool's console.log to stderr, keeping stdout for the protocol", () => {
    expect(session.stderr()).toContain('recording after');
    expect(session.protocolErrors).toEqual([]);
  });
});

/** Spawns the CLI with `args`, stdin, stdout and stderr piped. */
function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, cliArgs(...args), { cwd: root, env: { ...process.env, ...env } });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('toolplan serve-mcp: the stdio stream itself', { timeout: 30_000 }, () => {
  it('puts only JSON-RPC lines on stdout, answers what it was asked and exits 0 when stdin closes', async () => {
    const child = spawnCli(['--tools', fixtureTools]);
    try {
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
      send({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'raw', version: '1' },
        },
      });
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      send({
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: {
          name: 'run_plan',
          arguments: { plan: { steps: [{ id: 'log', tool: 'record', args: { text: 'raw' } }] } },
        },
      });
      // Closing stdin at once: the server answers what it was asked, then exits.
      child.stdin.end();
      expect(await exited(child)).toBe(0);
      const lines = stdout.trimEnd().split('\n');
      expect(lines.map((line) => (JSON.parse(line) as { jsonrpc: string; id: number }).id)).toEqual(
        [1, 2],
      );
      expect(JSON.parse(lines[1] as string)).toMatchObject({
        jsonrpc: '2.0',
        result: { structuredContent: { status: 'ok', results: { log: { recorded: 1 } } } },
      });
      expect(stderr).toContain('recording raw');
    } finally {
      child.kill();
    }
  });
});

/** A non-loopback IPv4 address of this machine, if it has one. */
function externalAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)?.address;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = connect({ host, port });
    connection.once('connect', () => {
      connection.destroy();
      resolve(true);
    });
    connection.once('error', () => resolve(false));
  });
}

describe('toolplan serve-mcp --port (Streamable HTTP)', { timeout: 30_000 }, () => {
  const token = 'http-test-token';
  let child: ChildProcessWithoutNullStreams;
  let url: string;
  let stderr = '';

  beforeAll(async () => {
    child = spawnCli(['--tools', fixtureTools, '--port', '0'], { TOOLPLAN_MCP_TOKEN: token });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (\S+)\n/.exec(stdout);
        if (match !== null) resolve(match[1] as string);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
  }, 30_000);

  afterAll(async () => {
    // Only when a test failed before SIGTERM stopped it: no process outlives the tests.
    child.kill('SIGKILL');
    await exited(child);
  });

  const connectHttp = async () => {
    const client = new Client({ name: 'test-client', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      }),
    );
    return client;
  };

  const initialize = (headers: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        ...headers,
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'raw', version: '1' },
        },
      }),
    });

  it('listens on 127.0.0.1 only', async () => {
    const { hostname, port } = new URL(url);
    expect(hostname).toBe('127.0.0.1');
    const external = externalAddress();
    if (external !== undefined) expect(await canConnect(external, Number(port))).toBe(false);
  });

  it('lists run_plan, runs a plan and returns an invalid one as a tool error', async () => {
    const client = await connectHttp();
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['run_plan']);
      const valid = await runPlan(client, {
        steps: [{ id: 'r', tool: 'get_rate', args: { from: 'EUR', to: 'USD' } }],
        answer: '${r.rate}',
      });
      expect(valid.structuredContent).toMatchObject({ status: 'ok', answer: '1.08' });
      const invalid = await runPlan(client, { steps: [{ id: 'r', tool: 'nope', args: {} }] });
      expect(invalid.isError).toBe(true);
      expect(invalid.structuredContent).toMatchObject({ issues: [{ code: 'unknown_tool' }] });
    } finally {
      await client.close();
    }
  });

  it('refuses another Origin with 403 and a missing or wrong bearer token with 401', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    expect((await initialize({ ...auth, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await initialize({})).status).toBe(401);
    expect((await initialize({ Authorization: 'Bearer not-it' })).status).toBe(401);
    const accepted = await initialize(auth);
    expect(accepted.status).toBe(200);
    await accepted.body?.cancel();
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(stderr).not.toMatch(/error/i);
  });
});

describe('toolplan serve-mcp: flags', () => {
  it('needs tools', async () => {
    const { stderr, exitCode } = await runCli('serve-mcp');
    expect(exitCode).toBe(2);
    expect(stderr).toBe(
      'error: Name the tools to serve: `--tools MODULE` (an ES module exporting tools), `--mcp COMMAND` or `--mcp-url URL`.',
    );
  });

  it('refuses HTTP flags without --port, and simulator flags without --scripts', async () => {
    const token = await runCli('serve-mcp', '--tools', 'x.mjs', '--token', 't');
    expect(token.exitCode).toBe(2);
    expect(token.stderr).toBe(
      'error: `--token` needs `--port`: it is for the HTTP server, and without `--port` the server speaks stdio.',
    );
    const speed = await runCli('serve-mcp', '--tools', 'x.mjs', '--speed', '5');
    expect(speed.stderr).toBe(
      'error: `--speed` is for the simulated provider: it needs `--scripts FILE`.',
    );
    const both = await runCli(
      'serve-mcp',
      '--tools',
      'x.mjs',
      '--base-url',
      'http://localhost:1/v1',
      '--model',
      'm',
      '--scripts',
      's.json',
    );
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toMatch(/^error: `--scripts` is for the simulated provider/);
  });

  it('serves the tools of --mcp servers beside --tools, and closes them with itself', async () => {
    const plan = {
      steps: [
        { id: 'e', tool: 'echo', args: { message: 'hello' } },
        { id: 's', tool: 'get-sum', args: { a: 2, b: 3 } },
        { id: 'r', tool: 'get_rate', args: { from: 'EUR', to: 'USD' } },
      ],
      answer: '${e} ${s} ${r.rate}',
    };
    const everything = `"${process.execPath}" "${EVERYTHING_BIN}" stdio`;
    const serve = (...flags: string[]) =>
      connectStdio('--tools', 'examples/quickstart/tools.mjs', '--mcp', everything, ...flags);
    // A server's hints count only when trusted: untrusted, its tools may have side effects, and
    // the client's plan may not choose their arguments.
    const untrusted = await serve();
    try {
      const result = await runPlan(untrusted.client, plan);
      expect(result.structuredContent).toMatchObject({
        status: 'error',
        steps: [
          { id: 'e', status: 'denied' },
          { id: 's', status: 'denied' },
          { id: 'r', status: 'ok' },
        ],
      });
    } finally {
      await closeStdio(untrusted);
    }
    const trusted = await serve('--trust-mcp');
    try {
      const result = await runPlan(trusted.client, plan);
      expect(result.structuredContent, JSON.stringify(result.structuredContent)).toMatchObject({
        status: 'ok',
        answer: 'Echo: hello The sum of 2 and 3 is 5. 1.08',
      });
    } finally {
      await closeStdio(trusted);
    }
    expect(await descendantProcesses()).toEqual([]);
  }, 30_000);

  it('refuses an --mcp command that is empty or unterminated', async () => {
    const { stderr, exitCode } = await runCli(
      'serve-mcp',
      '--tools',
      'examples/quickstart/tools.mjs',
      '--mcp',
      '"npx some-server',
    );
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^error: /);
  });

  it('says the port is taken, and what to do', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = other.address() as { port: number };
      const { stderr, exitCode } = await runCli(
        'serve-mcp',
        '--tools',
        fixtureTools,
        '--port',
        String(port),
      );
      expect(exitCode).toBe(2);
      expect(stderr).toBe(
        `error: cannot listen on port ${port}: another program is listening on it. Pick another with --port (0 picks a free one).`,
      );
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
