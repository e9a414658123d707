import pg from 'pg';

/** One statement on a connection of its own, closed after: the fleet's few queries of its own. */
export async function queryPostgres<Row extends pg.QueryResultRow>(options: {
  url: string;
  text: string;
  values?: unknown[];
  /** @default pg's (none) */
  connectTimeoutMs?: number;
}): Promise<Row[]> {
  const client = new pg.Client({
    connectionString: options.url,
    ...(options.connectTimeoutMs === undefined
      ? {}
      : { connectionTimeoutMillis: options.connectTimeoutMs }),
  });
  // A connection lost while idle must not end the process: the query's own error says it.
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.query<Row>(options.text, options.values)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}
