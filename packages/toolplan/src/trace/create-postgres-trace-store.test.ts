import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createTraceStore } from './create-trace-store.js';
import { createMemoryTraceStore } from './create-memory-trace-store.js';
import { createPostgresTraceStore } from './create-postgres-trace-store.js';
import {
  dropSchemas,
  POSTGRES_TEST_URL,
  postgresReachable,
  queryTestDatabase,
  schemaNames,
} from './postgres-for-tests.test-utils.js';
import { POSTGRES_TRACE_MIGRATIONS } from './postgres-trace-migrations.js';
import { describeTraceStoreContract, sampleRun } from './trace-store.contract.test-utils.js';
import { TraceStoreError } from './trace-store-error.js';

const reachable = await postgresReachable('create-postgres-trace-store.test.ts');
const schemas = schemaNames('traces');

afterAll(async () => {
  if (reachable) await dropSchemas(schemas.made);
});

describe.skipIf(!reachable)('createPostgresTraceStore', () => {
  describeTraceStoreContract('postgresql', (options) =>
    createTraceStore({ ...options, url: POSTGRES_TEST_URL, schema: schemas.fresh() }),
  );

  it('creates its schema and tables at the latest version, once, however many start at once', async () => {
    const schema = schemas.fresh();
    const stores = Array.from({ length: 4 }, () =>
      createPostgresTraceStore({ url: POSTGRES_TEST_URL, schema }),
    );
    stores.forEach((store, index) => store.record(sampleRun(index)));
    await Promise.all(stores.map((store) => store.flush()));
    const versions = await queryTestDatabase<{ version: number }>(
      `SELECT version FROM "${schema}".trace_migrations ORDER BY version`,
    );
    expect(versions.map((row) => row.version)).toEqual(
      POSTGRES_TRACE_MIGRATIONS.map((_, index) => index + 1),
    );
    expect((await stores[0]?.summary())?.runs).toBe(4);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('refuses a schema newer than it knows', async () => {
    const schema = schemas.fresh();
    const first = createPostgresTraceStore({ url: POSTGRES_TEST_URL, schema });
    expect(await first.listRuns()).toEqual([]);
    await first.close();
    await queryTestDatabase(`INSERT INTO "${schema}".trace_migrations (version) VALUES (99)`);
    const store = createPostgresTraceStore({ url: POSTGRES_TEST_URL, schema });
    await expect(store.listRuns()).rejects.toThrow(
      /has version 99, newer than this toolplan knows/,
    );
    await store.close();
  });

  it('writes a batch of runs with the same id once, the last record winning', async () => {
    const store = createPostgresTraceStore({ url: POSTGRES_TEST_URL, schema: schemas.fresh() });
    store.record(sampleRun(1));
    store.record(sampleRun(1, { answer: 'again', steps: [] }));
    await store.flush();
    expect(await store.listRuns()).toEqual([sampleRun(1, { answer: 'again', steps: [] })]);
    await store.close();
  });

  it('writes a batch larger than one statement’s parameters allow', async () => {
    const store = createPostgresTraceStore({
      url: POSTGRES_TEST_URL,
      schema: schemas.fresh(),
      flushIntervalMs: 60_000,
      maxQueue: 100_000,
    });
    const memory = createMemoryTraceStore();
    for (let index = 0; index < 8000; index += 1) {
      store.record(sampleRun(index));
      memory.record(sampleRun(index));
    }
    await store.flush();
    // Summarised page by page (2,000 runs each): the same summary as the memory store's.
    const summary = await store.summary({ topSequences: 50 });
    expect(summary.tools.map((tool) => tool.calls)).toEqual([8000, 8000, 8000]);
    expect(summary).toEqual(await memory.summary({ topSequences: 50 }));
    await store.close();
  }, 30_000);
});

/**
 * A TCP proxy to the test database that the test can cut: `killNext` breaks the next connection
 * that sends anything (mid-transaction for a pooled connection), `down` refuses everything.
 */
async function startCuttableProxy(): Promise<{
  url: string;
  connections: () => number;
  killNext: () => void;
  setDown: (down: boolean) => void;
  close: () => Promise<void>;
}> {
  const target = new URL(POSTGRES_TEST_URL);
  const sockets = new Set<Socket>();
  let connections = 0;
  let killNext = false;
  let down = false;
  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    connections += 1;
    const upstream = connect({ host: target.hostname, port: Number(target.port || 5432) });
    sockets.add(client).add(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk: Buffer) => {
      if (killNext) {
        killNext = false;
        cut();
      } else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('close', cut).on('error', cut);
    upstream.on('close', cut).on('error', cut);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = new URL(POSTGRES_TEST_URL);
  url.host = `127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    url: url.toString(),
    connections: () => connections,
    killNext: () => (killNext = true),
    setDown(value) {
      down = value;
      if (value) for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.skipIf(!reachable)('createPostgresTraceStore when the connection is lost', () => {
  it('retries a batch once on a fresh connection when its connection breaks mid-write', async () => {
    const proxy = await startCuttableProxy();
    const errors: TraceStoreError[] = [];
    const store = createPostgresTraceStore({
      url: proxy.url,
      schema: schemas.fresh(),
      flushIntervalMs: 60_000,
      onError: (error) => errors.push(error),
    });
    store.record(sampleRun(1));
    await store.flush();
    const before = proxy.connections();
    proxy.killNext();
    store.record(sampleRun(2));
    await store.flush();
    expect(proxy.connections()).toBeGreaterThan(before);
    expect((await store.listRuns()).map((run) => run.runId)).toEqual(['run-2', 'run-1']);
    expect(errors).toEqual([]);
    await store.close();
    await proxy.close();
  });

  it('drops a batch the retry could not write either, says how many, and writes again once the database is back', async () => {
    const proxy = await startCuttableProxy();
    const store = createPostgresTraceStore({
      url: proxy.url,
      schema: schemas.fresh(),
      flushIntervalMs: 60_000,
    });
    store.record(sampleRun(1));
    await store.flush();
    proxy.setDown(true);
    store.record(sampleRun(2));
    store.record(sampleRun(3));
    await expect(store.flush()).rejects.toMatchObject({
      name: 'TraceStoreError',
      message: expect.stringMatching(/^Could not write 2 trace runs; they were dropped/) as string,
    });
    proxy.setDown(false);
    store.record(sampleRun(4));
    await store.flush();
    expect((await store.listRuns()).map((run) => run.runId)).toEqual(['run-4', 'run-1']);
    await store.close();
    await proxy.close();
  });
});

describe('createPostgresTraceStore options', () => {
  it('takes a URL or a path, not both', () => {
    expect(() => createTraceStore({ url: POSTGRES_TEST_URL, path: 'x.sqlite' })).toThrow(
      'Expected one of `path` (SQLite) and `url` (PostgreSQL), got both',
    );
  });

  it('refuses a URL that is not PostgreSQL’s, without showing its password', () => {
    expect(() => createPostgresTraceStore({ url: 'mysql://u:secret@db/x' })).toThrow(
      'Expected `url` to be a postgres:// or postgresql:// URL, got `mysql://u:***@db/x`',
    );
    expect(() => createPostgresTraceStore({ url: 'postgres:x' })).toThrow(/`url`/);
  });

  it('refuses a schema name it would have to quote, and bad bounds', () => {
    expect(() =>
      createPostgresTraceStore({ url: POSTGRES_TEST_URL, schema: 'Traces"; DROP' }),
    ).toThrow(/Expected `schema` to be a PostgreSQL name/);
    expect(() => createPostgresTraceStore({ url: POSTGRES_TEST_URL, maxPending: 0 })).toThrow(
      'Expected `maxPending` to be a positive integer, got `0`',
    );
    expect(() =>
      createPostgresTraceStore({
        url: POSTGRES_TEST_URL,
        closeOnSignals: ['TERM' as NodeJS.Signals],
      }),
    ).toThrow('Expected `closeOnSignals` to be an array of signal names, got `TERM`');
    expect(() =>
      createPostgresTraceStore({ url: 'postgres://u@127.0.0.1:1/none?schema=a', schema: 'b' }),
    ).toThrow('Expected one schema, got `b` in `schema` and `a` in the URL');
  });

  it('never throws from record when the database is away: the failed batch is reported with its count', async () => {
    const errors: TraceStoreError[] = [];
    const store = createPostgresTraceStore({
      // Port 1: nothing listens; the connection is refused at once.
      url: 'postgres://u:secret@127.0.0.1:1/none',
      flushIntervalMs: 1,
      onError: (error) => errors.push(error),
    });
    store.record(sampleRun(1));
    store.record(sampleRun(2));
    await expect.poll(() => errors.length, { timeout: 5000 }).toBe(1);
    expect(errors[0]?.message).toMatch(/^Could not write 2 trace runs; they were dropped/);
    expect(errors[0]).toBeInstanceOf(TraceStoreError);
    expect(errors[0]?.message).not.toContain('secret');
    store.record(sampleRun(3));
    await expect(store.flush()).rejects.toThrow(/Could not write 1 trace run/);
    await expect(store.listRuns()).rejects.toThrow(/Cannot open the PostgreSQL trace store/);
    await expect(store.listRuns()).rejects.not.toThrow(/secret/);
    await store.close();
  });

  it('holds at most maxPending runs while the database is away, and says how many it dropped', async () => {
    const errors: string[] = [];
    const store = createPostgresTraceStore({
      url: 'postgres://u@127.0.0.1:1/none',
      flushIntervalMs: 60_000,
      maxQueue: 1000,
      maxPending: 3,
      onError: (error) => errors.push(error.message),
    });
    for (let index = 0; index < 5; index += 1) store.record(sampleRun(index));
    expect(errors).toEqual([
      'The trace queue is full (3 runs waiting for the database); new runs are dropped until it drains',
    ]);
    await expect(store.flush()).rejects.toThrow(/Could not write 3 trace runs/);
    store.record(sampleRun(9));
    expect(errors[1]).toBe('Dropped 2 trace runs while the trace queue was full');
    await store.close().catch(() => undefined);
  });
});
