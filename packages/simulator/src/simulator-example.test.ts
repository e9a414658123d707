import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The README's "simulated provider from code" example, run as a user would (against the built
// package: `npm install` builds it), on a free local port: it needs no network and no key.
const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('examples/simulator/agent.mjs', () => {
  it('answers the quickstart query through createAgent against @toolplan/simulator', async () => {
    const { stdout } = await promisify(execFile)('node', ['examples/simulator/agent.mjs'], {
      cwd: root,
      timeout: 30_000,
    });
    expect(stdout).toBe(
      "120 EUR is 129.6 USD and 19488 JPY.\n1 model request(s), $0.00151 at gpt-4o's prices\n",
    );
  });
});
