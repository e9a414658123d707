import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropApp,
  REDIS_URL,
  skipWithoutRedis,
  uniqueApp,
} from '../agent/redis-service.test-utils.js';
import { runCli, writeTempFixture } from './run-cli.test-utils.js';

const skip = await skipWithoutRedis();

const QUERY = 'How warm is Oslo?';
let directory: string;
let toolsPath: string;
let scriptsPath: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-run-store-'));
  ({ toolsPath, scriptsPath } = await writeTempFixture(directory, [
    {
      name: 'store-test',
      query: QUERY,
      plan: {
        steps: [{ id: 't', tool: 'get_temp', args: { city: 'Oslo' } }],
        answer: 'Oslo ${t.temp}°C.',
      },
    },
  ]));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const run = (...args: string[]) =>
  runCli('run', QUERY, '--tools', toolsPath, '--scripts', scriptsPath, '--no-traces', ...args);

describe('toolplan run --store', () => {
  it('refuses a URL that is not Redis’s before starting anything', async () => {
    const { stderr, exitCode } = await run('--store', 'http://127.0.0.1:6379');
    expect(exitCode).not.toBe(0);
    expect(stderr).toContain('Expected `url` to be a redis:// or rediss:// URL');
  });

  it('fails in one line when Redis cannot be reached', async () => {
    const { stderr, exitCode } = await run('--store', 'redis://127.0.0.1:1');
    expect(exitCode).not.toBe(0);
    expect(stderr).toContain(
      'could not connect to Redis at redis://127.0.0.1:1: connect ECONNREFUSED',
    );
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  describe.skipIf(skip)('with Redis', () => {
    let admin: Redis;
    const app = uniqueApp();
    beforeAll(() => {
      admin = new Redis(REDIS_URL);
    });
    afterAll(async () => {
      await dropApp(admin, app);
      await admin.quit();
    });

    it('shares what the run learned under the application', async () => {
      const { stdout, exitCode } = await run('--store', REDIS_URL, '--store-app', app, '--json');
      expect(exitCode).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ answer: 'Oslo 4°C.' });
      const [stream] = await admin.keys(`toolplan:${app}:*:learn`);
      expect(stream).toBeDefined();
      const events = (await admin.xrange(stream as string, '-', '+')).map(
        ([, fields]) => (JSON.parse(fields[1] as string) as { e: { type: string } }).e.type,
      );
      expect(events).toEqual(expect.arrayContaining(['plan.remember', 'learn.run']));
    });
  });
});
