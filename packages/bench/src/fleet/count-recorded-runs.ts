import { queryPostgres } from './query-postgres.js';

/**
 * How many of `runIds` the PostgreSQL trace log in `schema` holds: what the fleet's agents
 * recorded of the runs they answered (a killed agent loses the batch it had not written yet).
 */
export async function countRecordedRuns(options: {
  url: string;
  schema: string;
  runIds: readonly string[];
}): Promise<number> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new TypeError(
      `Expected \`schema\` to be a lower-case SQL identifier, got \`${options.schema}\``,
    );
  }
  const [row] = await queryPostgres<{ count: string }>({
    url: options.url,
    text: `SELECT count(*) AS count FROM ${options.schema}.runs WHERE run_id = ANY($1)`,
    values: [options.runIds],
  });
  return Number(row?.count ?? 0);
}
