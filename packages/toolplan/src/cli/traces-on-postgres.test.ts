import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropSchemas,
  POSTGRES_TEST_URL,
  postgresReachable,
  queryTestDatabase,
  uniqueSchema,
} from '../trace/postgres-for-tests.test-utils.js';
import { OSLO_ROME_QUERY, osloRomeScript, runCli, writeTempFixture } from './run-cli.test-utils.js';

// The CLI pointed at PostgreSQL with `--traces postgres://…`: the runs it records are the ones
// `traces` lists, `chains list` weighs and `chains mine` mines.

const reachable = await postgresReachable('traces-on-postgres.test.ts');
const schema = uniqueSchema('cli');
const url = `${POSTGRES_TEST_URL}${POSTGRES_TEST_URL.includes('?') ? '&' : '?'}schema=${schema}`;
const QUERY = OSLO_ROME_QUERY;
let directory: string;
let toolsPath: string;
let scriptsPath: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-cli-pg-'));
  ({ toolsPath, scriptsPath } = await writeTempFixture(directory, [osloRomeScript]));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  if (reachable) await dropSchemas([schema]);
});

describe.skipIf(!reachable)('toolplan with --traces postgres://…', { timeout: 30_000 }, () => {
  it('records runs in the database, lists them, weighs chains on them and mines them', async () => {
    const chains = join(directory, 'proposed');
    await mkdir(chains, { recursive: true });
    await writeFile(
      join(chains, 'temps.chain.json'),
      JSON.stringify({
        version: 1,
        name: 'temps',
        origin: 'mined',
        kept: false,
        params: { cities: { type: 'string[]', entities: ['Oslo', 'Rome'] } },
        match: { patterns: ['how warm are (?<cities>.+), and which is warmer'] },
        plan: {
          steps: [
            { id: 't', tool: 'get_temp', forEach: '$params.cities', args: { city: '$item' } },
          ],
          answer: 'Oslo ${t[0].temp}°C, Rome ${t[1].temp}°C.',
        },
      }),
    );
    const ask = async () => {
      const { stdout, exitCode } = await runCli(
        'run',
        QUERY,
        '--tools',
        toolsPath,
        '--scripts',
        scriptsPath,
        '--speed',
        '100',
        '--chains',
        chains,
        '--traces',
        url,
        '--json',
      );
      expect(exitCode).toBe(0);
      return JSON.parse(stdout) as { answeredBy: string };
    };
    for (let time = 0; time < 3; time += 1) {
      expect(await ask()).toMatchObject({ answeredBy: 'template' });
    }
    // In the schema the URL names, not in a file.
    const counted = await queryTestDatabase<{ runs: number }>(
      `SELECT count(*)::int AS runs FROM "${schema}".runs`,
    );
    expect(counted).toEqual([{ runs: 3 }]);

    const listed = await runCli('traces', '--traces', url, '--json');
    expect(listed.exitCode).toBe(0);
    const { runs } = JSON.parse(listed.stdout) as { runs: Array<{ query: string }> };
    expect(runs.map((run) => run.query)).toEqual([QUERY, QUERY, QUERY]);

    const standing = await runCli('chains', 'list', '--dir', chains, '--traces', url, '--json');
    expect(JSON.parse(standing.stdout)).toMatchObject({
      chains: [{ name: 'temps', standing: { state: 'promoted', agreements: 3 } }],
    });
    expect(await ask()).toMatchObject({ answeredBy: 'chain' });

    const out = join(directory, 'mined');
    const mined = await runCli('chains', 'mine', '--traces', url, '--out', out, '--json');
    expect(mined.exitCode).toBe(0);
    // Four runs read from the database (one query only: too few shapes for a proposal).
    expect(JSON.parse(mined.stdout)).toMatchObject({ totalRuns: 4 });
  });

  it('says which database it could not reach, without its password', async () => {
    const { exitCode, stderr } = await runCli(
      'traces',
      '--traces',
      'postgres://app:hunter2@127.0.0.1:1/none',
    );
    expect(exitCode).not.toBe(0);
    expect(stderr).toContain('postgres://app:***@127.0.0.1:1/none');
    expect(stderr).not.toContain('hunter2');
  });
});
