import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChildScript } from './run-child-script.test-utils.js';
import { createTraceStore } from './create-trace-store.js';
import { migrateTraceDatabase, TRACE_MIGRATIONS } from './trace-migrations.js';
import { describeTraceStoreContract, sampleRun } from './trace-store.contract.test-utils.js';
import { TraceStoreError } from './trace-store-error.js';

let directory: string;
let counter = 0;
const freshPath = () => join(directory, `traces-${(counter += 1)}.sqlite`);

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-trace-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describeTraceStoreContract('sqlite', (options) =>
  createTraceStore({ ...options, path: freshPath() }),
);

describe('createTraceStore (SQLite)', () => {
  it('keeps a run’s speculation figures', async () => {
    const store = createTraceStore({ path: freshPath() });
    const speculation = {
      proposals: 4,
      started: 3,
      hits: 2,
      joins: 1,
      wasted: 1,
      cancelled: 1,
      savedMs: 250,
    };
    store.record(sampleRun(1, { speculation }));
    store.record(sampleRun(2));
    await store.flush();
    expect((await store.getRun('run-1'))?.speculation).toEqual(speculation);
    expect((await store.getRun('run-2'))?.speculation).toBeUndefined();
    await store.close();
  });

  it('creates the file and its folder on first use, in WAL mode at the latest schema', async () => {
    const path = join(directory, 'nested', 'deeper', 'traces.sqlite');
    const store = createTraceStore({ path });
    expect(existsSync(path)).toBe(true);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(TRACE_MIGRATIONS.length);
    const indexes = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index'")
      .all()
      .map((row) => row.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['tool_calls_tool', 'runs_query', 'runs_started_at']),
    );
    db.close();
  });

  it('upgrades a file written at an older schema version, keeping its runs', async () => {
    const path = freshPath();
    const old = new Database(path);
    migrateTraceDatabase(old, TRACE_MIGRATIONS.slice(0, 1));
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old
      .prepare(
        `INSERT INTO runs (run_id, strategy, query, started_at, wall_ms, status)
         VALUES ('old', 'plan', 'q', '2025-01-01T00:00:00.000Z', 5, 'ok')`,
      )
      .run();
    old.close();
    const store = createTraceStore({ path });
    expect(await store.getRun('old')).toEqual({
      runId: 'old',
      strategy: 'plan',
      query: 'q',
      startedAt: '2025-01-01T00:00:00.000Z',
      wallMs: 5,
      status: 'ok',
      steps: [],
    });
    store.record(sampleRun(1, { error: 'E: needs the v2 column' }));
    await store.close();
    // Reopening applies nothing twice.
    const again = createTraceStore({ path });
    expect((await again.getRun('run-1'))?.error).toBe('E: needs the v2 column');
    expect((await again.summary()).runs).toBe(2);
    await again.close();
  });

  it('refuses a file from a newer toolplan', async () => {
    const path = freshPath();
    const db = new Database(path);
    db.pragma(`user_version = ${TRACE_MIGRATIONS.length + 1}`);
    db.close();
    expect(() => createTraceStore({ path })).toThrow(TraceStoreError);
    expect(() => createTraceStore({ path })).toThrow(/newer than this toolplan knows/);
  });

  it('validates its options eagerly', () => {
    expect(() => createTraceStore({ path: freshPath(), flushIntervalMs: 0 })).toThrow(
      'Expected `flushIntervalMs` to be a positive number, got `0`',
    );
    expect(() => createTraceStore({ path: freshPath(), maxQueue: 1.5 })).toThrow(
      'Expected `maxQueue` to be a positive integer, got `1.5`',
    );
    expect(() => createTraceStore({ path: '' })).toThrow(
      'Expected `path` to be a non-empty string, got ``',
    );
  });

  it('does no I/O in record: the file does not change until the flush', async () => {
    const path = freshPath();
    const store = createTraceStore({ path, flushIntervalMs: 60_000 });
    const reader = new Database(path, { readonly: true });
    const count = () =>
      reader.prepare<[], { n: number }>('SELECT count(*) AS n FROM runs').get()?.n;
    for (let index = 0; index < 100; index += 1) store.record(sampleRun(index));
    expect(count()).toBe(0);
    await store.flush();
    expect(count()).toBe(100);
    reader.close();
    await store.close();
  });

  it('reports a failed background write and drops its runs instead of throwing', async () => {
    const errors: TraceStoreError[] = [];
    const path = freshPath();
    const store = createTraceStore({ path, flushIntervalMs: 1, onError: (e) => errors.push(e) });
    // A run the schema refuses (NOT NULL) stands in for a full disk.
    store.record({ ...sampleRun(1), strategy: null as unknown as string });
    await expect.poll(() => errors.length, { timeout: 2000 }).toBe(1);
    expect(errors[0]?.message).toMatch(/Could not write 1 trace run; they were dropped/);
    store.record(sampleRun(2));
    await store.flush();
    expect((await store.summary()).runs).toBe(1);
    await store.close();
  });
});

// The child processes import the store from source through tsx, as a program using toolplan would.
const storeModule = fileURLToPath(new URL('./create-trace-store.ts', import.meta.url));
const childScript = (body: string) => `
import { writeSync } from 'node:fs';
import { createTraceStore } from ${JSON.stringify(storeModule)};
const [path, label, count] = process.argv.slice(2);
const run = (id) => ({
  runId: label + '-' + id, strategy: label, query: 'q ' + id, startedAt: new Date().toISOString(),
  wallMs: 1, status: 'ok', plan: { steps: [{ id: 'a', tool: 't', args: { id } }] },
  steps: Array.from({ length: 5 }, (_, seq) => ({ stepId: 's' + seq, tool: 'tool_' + seq,
    args: JSON.stringify({ id, pad: 'x'.repeat(200) }), status: 'ok', startMs: 0, endMs: 1, attempts: 1 })),
});
${body}
`;

describe('createTraceStore across processes', () => {
  it('survives a process killed in the middle of a write: committed runs intact, no half run', async () => {
    const path = freshPath();
    const script = join(directory, 'crash-child.mts');
    await writeFile(
      script,
      childScript(`
const store = createTraceStore({ path, flushIntervalMs: 60_000, maxQueue: 1_000_000 });
for (let id = 0; id < 50; id += 1) store.record(run(id));
await store.flush();
for (let id = 50; id < 50 + Number(count); id += 1) store.record(run(id));
writeSync(1, 'flushing\\n');
// The parent kills this process while the big transaction is being written.
await store.flush();
writeSync(1, 'flushed\\n');
setInterval(() => {}, 1000);
`),
    );
    const big = 40_000;
    let sawFlushing = false;
    const result = await runChildScript({
      script,
      args: [path, 'crash', String(big)],
      onLine: (line, kill) => {
        if (line === 'flushing') {
          sawFlushing = true;
          kill();
        }
      },
    });
    expect(result.stderr).toBe('');
    expect(sawFlushing).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const runs = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM runs').get()?.n ?? 0;
    // The big batch takes far longer to write than the kill takes to land: none of it committed.
    expect(runs).toBe(50);
    const orphans = db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM runs r WHERE (SELECT count(*) FROM tool_calls c WHERE c.run_id = r.run_id) != 5`,
      )
      .get()?.n;
    expect(orphans).toBe(0);
    db.close();
    const store = createTraceStore({ path });
    expect((await store.getRun('crash-49'))?.steps).toHaveLength(5);
    await store.close();
  }, 60_000);

  it('writes what is still queued when the process exits without closing the store', async () => {
    const path = freshPath();
    const script = join(directory, 'exit-child.mts');
    await writeFile(
      script,
      childScript(`
const store = createTraceStore({ path, flushIntervalMs: 60_000 });
for (let id = 0; id < Number(count); id += 1) store.record(run(id));
process.exit(0);
`),
    );
    expect(await runChildScript({ script, args: [path, 'exit', '30'] })).toEqual({
      code: 0,
      signal: null,
      stderr: '',
    });
    const store = createTraceStore({ path });
    expect((await store.summary()).runs).toBe(30);
    await store.close();
  }, 60_000);

  it('keeps every run of two processes writing the same file at once', async () => {
    const path = freshPath();
    // Created first so both children find the schema; they still race on every batch.
    await createTraceStore({ path }).close();
    const script = join(directory, 'writer-child.mts');
    await writeFile(
      script,
      childScript(`
const store = createTraceStore({ path, flushIntervalMs: 1, maxQueue: 20, onError: (e) => { console.error(e.message); } });
for (let id = 0; id < Number(count); id += 1) {
  store.record(run(id));
  if (id % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
}
await store.close();
`),
    );
    const [a, b] = await Promise.all([
      runChildScript({ script, args: [path, 'a', '400'] }),
      runChildScript({ script, args: [path, 'b', '400'] }),
    ]);
    expect(a).toEqual({ code: 0, signal: null, stderr: '' });
    expect(b).toEqual({ code: 0, signal: null, stderr: '' });
    const store = createTraceStore({ path });
    const summary = await store.summary();
    expect(summary.strategies).toEqual([
      { strategy: 'a', runs: 400, errors: 0 },
      { strategy: 'b', runs: 400, errors: 0 },
    ]);
    await store.close();
  }, 60_000);
});
