import { withPostgresClient, type PostgresPool } from './postgres-client.js';
import { TraceStoreError } from './trace-store-error.js';

/** One schema change, as SQL run in the store's schema; never edited once shipped. */
export type PostgresTraceMigration = (schema: string) => string;

/**
 * The PostgreSQL trace log's schema, version by version (the table `trace_migrations` lists the
 * versions applied). Version 1 is SQLite's latest schema; later changes are appended to both.
 * `started_at` is ISO 8601 text compared byte-wise (`COLLATE "C"`), as SQLite compares it, and
 * `seq` stands in for SQLite's rowid: the order runs were written in, renewed when a run is
 * recorded again.
 */
export const POSTGRES_TRACE_MIGRATIONS: readonly PostgresTraceMigration[] = [
  (schema) => `
    CREATE TABLE ${schema}.runs (
      run_id text PRIMARY KEY,
      seq bigserial NOT NULL,
      strategy text NOT NULL,
      query text NOT NULL,
      started_at text COLLATE "C" NOT NULL,
      wall_ms double precision NOT NULL,
      status text NOT NULL,
      answer text,
      error text,
      plans_json text,
      llm_calls double precision,
      input_tokens double precision,
      cached_input_tokens double precision,
      output_tokens double precision,
      speculation_json text
    );
    CREATE TABLE ${schema}.tool_calls (
      run_id text NOT NULL REFERENCES ${schema}.runs (run_id) ON DELETE CASCADE,
      seq integer NOT NULL,
      step_id text NOT NULL,
      tool text NOT NULL,
      args_json text NOT NULL,
      status text NOT NULL,
      start_ms double precision NOT NULL,
      end_ms double precision NOT NULL,
      attempts double precision NOT NULL,
      result_summary text,
      error text,
      PRIMARY KEY (run_id, seq)
    );
    CREATE INDEX tool_calls_tool ON ${schema}.tool_calls (tool);
    CREATE INDEX runs_query ON ${schema}.runs (query);
    CREATE INDEX runs_started_at ON ${schema}.runs (started_at, seq);
    CREATE INDEX runs_strategy_started_at ON ${schema}.runs (strategy, started_at, seq);
  `,
];

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a schema name and quotes it for SQL (lower case only: no surprise from case folding). */
export function quotePostgresSchema(schema: string): string {
  if (typeof schema !== 'string' || !IDENTIFIER.test(schema)) {
    throw new TraceStoreError({
      message: `Expected \`schema\` to be a PostgreSQL name (lower-case letters, digits and _, at most 63, not starting with a digit), got \`${String(schema)}\``,
    });
  }
  return `"${schema}"`;
}

/**
 * Brings the schema up to `migrations.length`, in one transaction under an advisory lock keyed
 * on the schema, so that processes starting at once apply each version once and none reads a
 * half-made schema. Returns the version reached.
 */
export async function migratePostgresTraceSchema(
  pool: PostgresPool,
  schema: string,
  migrations: readonly PostgresTraceMigration[] = POSTGRES_TRACE_MIGRATIONS,
): Promise<number> {
  const quoted = quotePostgresSchema(schema);
  return withPostgresClient(pool, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query(
        "SELECT pg_advisory_xact_lock(hashtext('toolplan.traces'), hashtext($1))",
        [schema],
      );
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${quoted}.trace_migrations (
          version integer PRIMARY KEY,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`,
      );
      const { rows } = await client.query<{ version: number | null }>(
        `SELECT max(version) AS version FROM ${quoted}.trace_migrations`,
      );
      const version = rows[0]?.version ?? 0;
      if (version > migrations.length) {
        throw new TraceStoreError({
          message: `The trace schema \`${schema}\` has version ${version}, newer than this toolplan knows (${migrations.length}); upgrade toolplan or use another schema.`,
        });
      }
      for (let index = version; index < migrations.length; index += 1) {
        await client.query((migrations[index] as PostgresTraceMigration)(quoted));
        await client.query(`INSERT INTO ${quoted}.trace_migrations (version) VALUES ($1)`, [
          index + 1,
        ]);
      }
      await client.query('COMMIT');
      return Math.max(version, migrations.length);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}
