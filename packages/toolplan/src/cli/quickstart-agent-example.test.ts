import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSimulatedProvider, type ScriptBook } from '@toolplan/simulator';

// examples/quickstart/agent.mjs, run as a user would (against the built package: `npm install`
// builds it), on local ports the OS picks: no network, no key, no fixed port.
const root = fileURLToPath(new URL('../../../..', import.meta.url));

function runExample(baseURL: string) {
  return promisify(execFile)('node', ['examples/quickstart/agent.mjs'], {
    cwd: root,
    timeout: 30_000,
    env: { ...process.env, TOOLPLAN_BASE_URL: baseURL },
  }).then(
    ({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => error,
  );
}

/** A port nothing listens on: the OS picks it for a server that closes at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('examples/quickstart/agent.mjs', () => {
  it('answers from the simulated model served locally', async () => {
    const scripts = JSON.parse(
      await readFile(
        new URL('../../../../examples/quickstart/scripts.json', import.meta.url),
        'utf8',
      ),
    ) as ScriptBook;
    const provider = await createSimulatedProvider({ speed: 20, scripts });
    try {
      const { stdout, stderr, code } = await runExample(provider.url);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('120 EUR is 129.6 USD and 19488 JPY.\n');
      expect(stdout).toMatch(/answered by template\n$/);
    } finally {
      await provider.close();
    }
  });

  // A refused connection is retried twice with back-off (1–2 s, then 2–4 s) before it fails.
  it(
    'prints a failed run as one line naming the error, not a stack, and exits 1',
    {
      timeout: 20_000,
    },
    async () => {
      const { stdout, stderr, code } = await runExample(
        `http://127.0.0.1:${await closedPort()}/v1`,
      );
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        /^toolplan: ModelCallError: The model call for the plan failed after 3 attempts.*\n$/,
      );
    },
  );
});
