import pg from 'pg';
import type { EffectLedger } from './fleet-tools.js';

/** One side effect as the ledger holds it. */
export interface LedgerRow {
  pass: string;
  tool: string;
  reference: string;
  idempotencyKey: string;
  idempotent: boolean;
}

/**
 * The fleet's record of side effects, in PostgreSQL: a table the workers' side-effecting tools
 * insert into, one row per effect made (an idempotent one makes its effect once per reference, as
 * an upsert would; a repeat is a row all the same, so repeats can be counted). It stands for the
 * outside world the fault run checks: what was charged or changed, whatever the agents said.
 */
export interface FleetLedger extends EffectLedger {
  /** Creates the schema and its table (idempotent). */
  create(): Promise<void>;
  rows(pass: string): Promise<LedgerRow[]>;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
  close(): Promise<void>;
}

export async function createFleetLedger(options: {
  url: string;
  /** A schema of the run's own (dropped at the end). */
  schema: string;
  /** The pass the effects are written under (the workers'). @default '' */
  pass?: string;
}): Promise<FleetLedger> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new TypeError(
      `Expected \`schema\` to be a lower-case SQL identifier, got \`${options.schema}\``,
    );
  }
  const pool = new pg.Pool({ connectionString: options.url, max: 4 });
  // An idle connection lost must not end the process: the next query's error says it.
  pool.on('error', () => {});
  const table = `${options.schema}.effects`;
  const pass = options.pass ?? '';
  return {
    async create() {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
      await pool.query(
        `CREATE TABLE IF NOT EXISTS ${table} (pass text NOT NULL, tool text NOT NULL,
          reference text NOT NULL, idempotency_key text NOT NULL, idempotent boolean NOT NULL,
          made_at timestamptz NOT NULL DEFAULT now())`,
      );
    },
    async record(entry) {
      await pool.query(
        `INSERT INTO ${table} (pass, tool, reference, idempotency_key, idempotent)
          VALUES ($1, $2, $3, $4, $5)`,
        [pass, entry.tool, entry.reference, entry.idempotencyKey, entry.idempotent],
      );
    },
    async rows(ofPass) {
      const result = await pool.query<{
        pass: string;
        tool: string;
        reference: string;
        idempotency_key: string;
        idempotent: boolean;
      }>(
        `SELECT pass, tool, reference, idempotency_key, idempotent FROM ${table}
          WHERE pass = $1 ORDER BY made_at`,
        [ofPass],
      );
      return result.rows.map((row) => ({
        pass: row.pass,
        tool: row.tool,
        reference: row.reference,
        idempotencyKey: row.idempotency_key,
        idempotent: row.idempotent,
      }));
    },
    async drop() {
      await pool.query(`DROP SCHEMA IF EXISTS ${options.schema} CASCADE`);
    },
    close: () => pool.end(),
  };
}
