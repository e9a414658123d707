import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The README's quickstart, run as a new user would run it: every block marked
// `<!-- quickstart-test: … -->` is executed with bash from the project's root, exactly as written
// (the project is installed and built: `npm ci` runs `prepare`).
const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

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

/** Starts a server block and waits until it says it is listening. */
function startServer(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = start(script);
    background.push(child);
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`not listening after 60 s:\n${output}`)),
      60_000,
    );
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)} before listening:\n${output}`));
    });
  });
}

describe('README quickstart', () => {
  it('has the blocks a new user runs, in order', () => {
    expect(blocks.map((block) => block.mode)).toEqual(['run', 'background', 'run']);
  });

  it('every block runs as written', { timeout: 180_000 }, async () => {
    for (const block of blocks) {
      if (block.mode === 'background') {
        await startServer(block.script);
        continue;
      }
      const { code, output } = await runToEnd(block.script);
      expect(code, output).toBe(0);
      if (block.expect !== undefined) expect(output).toContain(block.expect);
    }
  });
});
