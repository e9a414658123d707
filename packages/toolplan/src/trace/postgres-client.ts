// The little of node-postgres the trace store uses, typed here so that the library type-checks
// and its declarations stand without `pg` or `@types/pg` installed (`pg` is an optional peer).

export interface PostgresQueryResult<Row> {
  rows: Row[];
}

export interface PostgresQueryable {
  query<Row = Record<string, unknown>>(
    text: string,
    values?: readonly unknown[],
  ): Promise<PostgresQueryResult<Row>>;
}

export interface PostgresPoolClient extends PostgresQueryable {
  /** Returns the client to the pool; `true` or an error destroys it instead. */
  release(destroy?: boolean | Error): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}

export interface PostgresPool extends PostgresQueryable {
  connect(): Promise<PostgresPoolClient>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface PostgresModule {
  Pool: new (config: {
    connectionString: string;
    max?: number;
    allowExitOnIdle?: boolean;
    connectionTimeoutMillis?: number;
    application_name?: string;
  }) => PostgresPool;
}

const ignore = () => undefined;

/**
 * Takes a connection for one piece of work. A connection that breaks while checked out emits
 * `error` on its client, which would crash the process unheard; the query under way rejects
 * anyway, and that rejection is what the work reports.
 */
export async function withPostgresClient<Result>(
  pool: PostgresPool,
  work: (client: PostgresPoolClient) => Promise<Result>,
  destroyOnError: (error: unknown) => boolean = () => false,
): Promise<Result> {
  const client = await pool.connect();
  client.on('error', ignore);
  let released = false;
  const release = (destroy?: boolean) => {
    if (released) return;
    released = true;
    client.off('error', ignore);
    client.release(destroy);
  };
  try {
    const result = await work(client);
    release();
    return result;
  } catch (error) {
    release(destroyOnError(error) ? true : undefined);
    throw error;
  }
}
