import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedProvider } from '@toolplan/simulator';
import { runCli } from './run-cli.test-utils.js';

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-serve-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('toolplan serve-model', () => {
  it('says the port is taken, and what to do, when another server has it', async () => {
    // The other server listens on a port the OS picked, so this test takes no fixed port.
    const other = await createSimulatedProvider({});
    try {
      const { stdout, stderr, exitCode } = await runCli(
        'serve-model',
        '--port',
        String(other.port),
      );
      expect(exitCode).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `error: cannot listen on port ${other.port}: another program is listening on it. Pick another with --port (0 picks a free one).`,
      );
    } finally {
      await other.close();
    }
  });

  it('names the line and column of a syntax error in --scripts', async () => {
    const scripts = join(directory, 'scripts.json');
    await writeFile(scripts, '{"scenarios": [}');
    const { stderr, exitCode } = await runCli('serve-model', '--scripts', scripts);
    expect(exitCode).toBe(2);
    expect(stderr).toBe(`error: ${scripts}:1:16: unexpected '}'`);
  });

  it('rejects an unknown profile in one line', async () => {
    const { stderr, exitCode } = await runCli('serve-model', '--profile', 'gpt-5');
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^error: Expected `profile` to be one of `gpt-4o`.*got `gpt-5`$/);
  });
});
