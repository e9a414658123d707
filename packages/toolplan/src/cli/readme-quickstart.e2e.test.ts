import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The README's quickstart, run as a new user would run it: every block marked
// `<!-- quickstart-test: … -->` is executed with bash from the project's root, exactly as written
// (the project is installed and built: `npm ci` runs `prepare`) — but for the port. It runs
// `npm install`, so it needs the network: `npm run test:e2e`, not `npm test`.
const root = fileURLToPath(new URL('../../../..', import.meta.url));
const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

/**
 * The port the README shows a user. The test serves on a free port instead, so that it never
 * collides with a server the user has running there (or another run of this test).
 */
const README_PORT = 8787;

interface QuickstartBlock {
  mode: 'run' | 'background';
  /** Text the output must contain (`expect="…"` in the marker). */
  expect?: string;
  script: string;
}

const blocks: QuickstartBlock[] = [
  ...readme.matchAll(
    /<!-- quickstart-test: (run|background)(?: expect="([^"]*)")? -->\n+```sh\n([\s\S]*?)```/g,
  ),
].map((match) => ({
  mode: match[1] as QuickstartBlock['mode'],
  ...(match[2] === undefined ? {} : { expect: match[2] }),
  script: match[3] ?? '',
}));

const background: ChildProcess[] = [];

afterAll(() => {
  // Each background command leads its own process group (`detached`): end the whole group.
  for (const child of background) {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  }
});

/** A port no one listens on now: the OS picks one for a moment's server, which then closes. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port from the OS');
  return address.port;
}

/** The block with the README's port replaced by `port`, wherever the port is written. */
function onPort(script: string, port: number): string {
  return script.replace(new RegExp(`(--port |localhost:)${README_PORT}\\b`, 'g'), `$1${port}`);
}

function start(script: string): ChildProcess {
  return spawn('bash', ['-c', script], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a block to its end: exit code and everything it printed. */
function runToEnd(script: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = start(`set -euo pipefail\n${script}`);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Starts a server block and waits until it says it is listening on `port`. */
function startServer(script: string, port: number): Promise<void> {
  const failed = (why: string, output: string) =>
    new Error(`The quickstart's server did not start: ${why}.\n$ ${script.trim()}\n${output}`);
  return new Promise((resolve, reject) => {
    const child = start(script);
    background.push(child);
    let output = '';
    const timer = setTimeout(() => reject(failed('not listening after 60 s', output)), 60_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on (\S+)/.exec(output);
      if (listening === null) return;
      clearTimeout(timer);
      if (listening[1]?.includes(`:${port}/`)) resolve();
      else reject(failed(`it listens on ${listening[1]}, not on port ${port}`, output));
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(failed(error.message, output));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(failed(`it exited with code ${String(code)} before listening`, output));
    });
  });
}

describe('README quickstart', () => {
  it('has the blocks a new user runs, in order, on the port it shows', () => {
    expect(blocks.map((block) => block.mode)).toEqual(['run', 'background', 'run']);
    expect(blocks[1]?.script).toContain(`--port ${README_PORT}`);
    expect(blocks[2]?.script).toContain(`localhost:${README_PORT}/`);
  });

  it('every block runs as written, on a free port', { timeout: 180_000 }, async () => {
    const port = await freePort();
    for (const block of blocks) {
      const script = onPort(block.script, port);
      if (block.mode === 'background') {
        await startServer(script, port);
        continue;
      }
      const { code, output } = await runToEnd(script);
      expect(code, output).toBe(0);
      if (block.expect !== undefined) expect(output).toContain(block.expect);
    }
  });
});
