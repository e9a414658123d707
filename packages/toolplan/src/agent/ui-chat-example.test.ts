import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';

// examples/ui-chat: its server and its client, run as a user would (against the built packages:
// `npm install` builds them), on a port the OS picks and the simulated model: no network, no key.
const root = fileURLToPath(new URL('../../../..', import.meta.url));

let server: ChildProcess | undefined;
/** What the server printed so far. */
let serverOutput = '';

afterEach(async () => {
  // Whatever happened, the server goes: on SIGTERM it closes what it opened and exits by itself.
  if (server !== undefined && server.exitCode === null && server.signalCode === null) {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
  }
  server = undefined;
});

/** Starts the example server; resolves with its chat URL once it listens. */
async function startServer(): Promise<string> {
  // The simulated model: no TOOLPLAN_BASE_URL.
  const { TOOLPLAN_BASE_URL: _real, ...env } = process.env;
  const child = spawn(process.execPath, ['examples/ui-chat/server.mjs'], {
    cwd: root,
    env: { ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  serverOutput = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => {
      serverOutput += data.toString('utf8');
      const url = /POST (http:\/\/\S+)\n/.exec(serverOutput)?.[1];
      if (url !== undefined) resolve(url);
    });
    child.stderr?.on('data', (data: Buffer) => {
      serverOutput += data.toString('utf8');
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${serverOutput}`)));
  });
}

function runClient(args: string[]) {
  return promisify(execFile)(process.execPath, ['examples/ui-chat/client.mjs', ...args], {
    cwd: root,
    timeout: 30_000,
  }).then(
    ({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => error,
  );
}

describe('examples/ui-chat', { timeout: 30_000 }, () => {
  it('serves useChat a tool part per step and the answer, read by the AI SDK client', async () => {
    const url = await startServer();
    const { stdout, stderr, code } = await runClient([url]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const rInput = 'get_rate (r) {"from":"EUR","to":"$item"}';
    const rOutput =
      'get_rate (r) → [{"from":"EUR","to":"USD","rate":1.08},{"from":"EUR","to":"JPY","rate":162.4}]';
    const cInput = 'convert (c) {"amount":120,"rate":"$item.rate"}';
    const cOutput = 'convert (c) → [{"amount":129.6},{"amount":19488}]';
    // Whether `c` is announced before `r` has ended depends on the model's and the tool's pace.
    expect([...lines.slice(0, 4)].sort()).toEqual([rInput, rOutput, cInput, cOutput].sort());
    expect(lines.indexOf(rInput)).toBeLessThan(lines.indexOf(rOutput));
    expect(lines.indexOf(cInput)).toBeLessThan(lines.indexOf(cOutput));
    expect(lines.slice(4)).toEqual([
      '120 EUR is 129.6 USD and 19488 JPY.',
      'answered by template, 1 model call(s)',
      '',
    ]);
  });

  it('answers a question the model cannot plan with an error the browser may see, and exits 1', async () => {
    const url = await startServer();
    const { stdout, stderr, code } = await runClient([url, 'What is the weather?']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    // The server keeps the details (the simulator has no script for it): the client is told
    // only that something went wrong.
    expect(stderr).toBe('error: An error occurred.\n');
    await vi.waitFor(() =>
      expect(serverOutput).toContain(
        'ui-chat: ModelCallError: The model call for the plan failed: HTTP 400: The simulated model has no script for the query "What is the weather?"',
      ),
    );
  });

  it('refuses a body that is not a chat, and other methods and paths', async () => {
    const url = await startServer();
    const empty = await fetch(url, { method: 'POST', body: '{"messages":[]}' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/^Expected a JSON body with `messages`/);
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(new URL('/elsewhere', url))).status).toBe(404);
  });
});
