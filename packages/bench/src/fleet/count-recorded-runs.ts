/**
 * How many of `runIds` the PostgreSQL trace log in `schema` holds: what the fleet's agents
 * recorded of the runs they answered (a killed agent loses the batch it had not written yet).
 */
export async function countRecordedRuns(options: {
  url: string;
  schema: string;
  runIds: readonly string[];
}): Promise<number> {
  const { default: pg } = (await import('pg')) as unknown as {
    default: {
      Client: new (config: object) => {
        connect(): Promise<void>;
        query<Row>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
        end(): Promise<void>;
      };
    };
  };
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new TypeError(
      `Expected \`schema\` to be a lower-case SQL identifier, got \`${options.schema}\``,
    );
  }
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${options.schema}.runs WHERE run_id = ANY($1)`,
      [options.runIds],
    );
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}
