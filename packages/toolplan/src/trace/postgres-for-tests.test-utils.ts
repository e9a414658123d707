import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';

/** The machine's database (trust authentication); `TOOLPLAN_TEST_POSTGRES_URL` overrides it. */
export const POSTGRES_TEST_URL =
  process.env['TOOLPLAN_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Under CI (`CI` set, as `.ci/run` does) a database that is not there fails the tests. */
export const POSTGRES_REQUIRED = (process.env['CI'] ?? '') !== '';

/** A schema name no other test run uses: parallel files and other engineers share the database. */
export function uniqueSchema(label: string): string {
  return `tp_${label}_${randomBytes(4).toString('hex')}`;
}

/**
 * Fresh schema names for one test file (`fresh()`, each unused), and every one handed out so far
 * (`made`), for `dropSchemas` after the file.
 */
export function schemaNames(label: string): { fresh(): string; readonly made: readonly string[] } {
  const base = uniqueSchema(label);
  const made: string[] = [];
  return {
    fresh() {
      const schema = `${base}_${made.length}`;
      made.push(schema);
      return schema;
    },
    made,
  };
}

/**
 * Whether the database answers a TCP connection within a second. Unreachable, the tests skip
 * with one line, or throw under CI.
 */
export async function postgresReachable(file: string): Promise<boolean> {
  const { hostname, port } = new URL(POSTGRES_TEST_URL);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 5432) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
  if (!reachable) {
    if (POSTGRES_REQUIRED) {
      throw new Error(
        `${file} needs PostgreSQL at ${redacted()}, and CI is set, so an unreachable database fails the run (\`.ci/run\` starts it; TOOLPLAN_TEST_POSTGRES_URL points elsewhere).`,
      );
    }
    process.stderr.write(
      `skipping ${file}: no PostgreSQL at ${redacted()} (set TOOLPLAN_TEST_POSTGRES_URL)\n`,
    );
  }
  return reachable;
}

/** Drops the schemas a test file made, and closes its connection. */
export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** One query on a connection of its own, closed after. */
export async function queryTestDatabase<Row extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function redacted(): string {
  return POSTGRES_TEST_URL.replace(/:[^:@/]*@/, ':***@');
}
