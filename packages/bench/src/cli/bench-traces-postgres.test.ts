import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runBenchCli } from './run-bench-cli.test-utils.js';

// `toolplan bench --traces postgres://…` on the machine's database (`.ci/run` starts it). Away,
// the test skips saying so once, except under CI, where that fails the run.
const databaseUrl =
  process.env['TOOLPLAN_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = (process.env['CI'] ?? '') !== '';
const schema = `tp_bench_${randomBytes(4).toString('hex')}`;

async function query<Row extends pg.QueryResultRow>(text: string): Promise<Row[] | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return (await client.query<Row>(text)).rows;
  } catch (error) {
    if (required) throw error;
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const reachable = (await query('SELECT 1')) !== undefined;
if (!reachable) {
  process.stderr.write(
    `skipping bench-traces-postgres.test.ts: no PostgreSQL at ${databaseUrl.replace(/:[^:@/]*@/, ':***@')} (set TOOLPLAN_TEST_POSTGRES_URL)\n`,
  );
}

afterAll(async () => {
  if (reachable) await query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
});

// A real bench over HTTP: seconds on a busy 2-core machine; behaviour is tested, not speed.
describe.skipIf(!reachable)('toolplan bench --traces postgres://…', { timeout: 30_000 }, () => {
  it('records every run in the database, all written by the time the command returns', async () => {
    const url = `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}schema=${schema}`;
    const bench = await runBenchCli(
      'bench',
      '--scenario',
      'weather',
      '--strategy',
      'loop-parallel',
      'plan',
      '--speed',
      '200',
      '--min-runs',
      '2',
      '--traces',
      url,
    );
    expect(bench.exitCode).toBe(0);
    expect(
      await query<{ strategy: string; runs: number }>(
        `SELECT strategy, count(*)::int AS runs FROM "${schema}".runs GROUP BY strategy ORDER BY strategy`,
      ),
    ).toEqual([
      { strategy: 'loop-parallel', runs: 2 },
      { strategy: 'plan', runs: 2 },
    ]);
  });
});
