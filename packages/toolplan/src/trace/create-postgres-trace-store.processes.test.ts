import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChildScript } from './run-child-script.test-utils.js';
import {
  dropSchemas,
  POSTGRES_TEST_URL,
  postgresReachable,
  queryTestDatabase,
  schemaNames,
} from './postgres-for-tests.test-utils.js';

// Writers in child processes, on the real database: several at once lose nothing; a killed one
// loses only what it had not written; one that exits with runs queued says so.

const reachable = await postgresReachable('create-postgres-trace-store.processes.test.ts');
const schemas = schemaNames('procs');
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-pg-trace-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  if (reachable) await dropSchemas(schemas.made);
});

const storeModule = fileURLToPath(new URL('./create-trace-store.ts', import.meta.url));
const childScript = (body: string) => `
import { writeSync } from 'node:fs';
import { createTraceStore } from ${JSON.stringify(storeModule)};
const [url, schema, label, count] = process.argv.slice(2);
const run = (id) => ({
  runId: label + '-' + id, strategy: label, query: 'q ' + id, startedAt: new Date().toISOString(),
  wallMs: 1, status: 'ok', plan: { steps: [{ id: 'a', tool: 't', args: { id } }] },
  steps: Array.from({ length: 3 }, (_, seq) => ({ stepId: 's' + seq, tool: 'tool_' + seq,
    args: JSON.stringify({ id, pad: 'x'.repeat(100) }), status: 'ok', startMs: 0, endMs: 1, attempts: 1 })),
});
${body}
`;

async function writeChild(name: string, body: string): Promise<string> {
  const script = join(directory, `${name}.mts`);
  await writeFile(script, childScript(body));
  return script;
}

async function runsPerStrategy(schema: string): Promise<Record<string, number>> {
  const rows = await queryTestDatabase<{ strategy: string; runs: number; calls: number }>(
    `SELECT r.strategy, count(DISTINCT r.run_id)::int AS runs, count(c.seq)::int AS calls
     FROM "${schema}".runs r LEFT JOIN "${schema}".tool_calls c ON c.run_id = r.run_id
     GROUP BY r.strategy ORDER BY r.strategy`,
  );
  for (const row of rows) expect(row.calls).toBe(row.runs * 3);
  return Object.fromEntries(rows.map((row) => [row.strategy, row.runs]));
}

describe.skipIf(!reachable)('the PostgreSQL trace store across processes', () => {
  it('keeps every run of four processes writing 5,000 runs each at once', async () => {
    const schema = schemas.fresh();
    const script = await writeChild(
      'writer',
      `
const store = createTraceStore({ url, schema, onError: (e) => { console.error(e.message); } });
for (let id = 0; id < Number(count); id += 1) {
  store.record(run(id));
  // A server records a run per request, not 5,000 in one turn of the loop.
  if (id % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
}
await store.close();
`,
    );
    // All four start on an empty database: they also race to create the schema.
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((label) =>
        runChildScript({ script, args: [POSTGRES_TEST_URL, schema, label, '5000'] }),
      ),
    );
    for (const result of results) expect(result).toEqual({ code: 0, signal: null, stderr: '' });
    expect(await runsPerStrategy(schema)).toEqual({ a: 5000, b: 5000, c: 5000, d: 5000 });
  }, 90_000);

  it('loses to SIGKILL only the runs not yet written, at most maxQueue', async () => {
    const schema = schemas.fresh();
    const script = await writeChild(
      'killed',
      `
const store = createTraceStore({ url, schema, flushIntervalMs: 60_000, maxQueue: 100 });
for (let id = 0; id < 250; id += 1) store.record(run(id));
await store.flush();
for (let id = 250; id < 250 + Number(count); id += 1) store.record(run(id));
writeSync(1, 'queued\\n');
setInterval(() => {}, 1000);
`,
    );
    const result = await runChildScript({
      script,
      args: [POSTGRES_TEST_URL, schema, 'k', '60'],
      onLine: (line, kill) => {
        if (line === 'queued') kill();
      },
    });
    expect(result.signal).toBe('SIGKILL');
    expect(result.stderr).toBe('');
    const stored = (await runsPerStrategy(schema))['k'] ?? 0;
    // Everything flushed before is there; what was lost was still in the queue (≤ maxQueue).
    expect(stored).toBe(250);
    expect(310 - stored).toBeLessThanOrEqual(100);
  }, 60_000);

  it('writes what is queued when the event loop runs dry without close', async () => {
    const schema = schemas.fresh();
    const script = await writeChild(
      'dry',
      `
const store = createTraceStore({ url, schema, flushIntervalMs: 60_000 });
for (let id = 0; id < Number(count); id += 1) store.record(run(id));
`,
    );
    expect(
      await runChildScript({ script, args: [POSTGRES_TEST_URL, schema, 'dry', '30'] }),
    ).toEqual({
      code: 0,
      signal: null,
      stderr: '',
    });
    expect(await runsPerStrategy(schema)).toEqual({ dry: 30 });
  }, 60_000);

  it('writes what is queued on SIGTERM, then ends as SIGTERM would have', async () => {
    const schema = schemas.fresh();
    const script = await writeChild(
      'term',
      `
const store = createTraceStore({ url, schema, flushIntervalMs: 60_000 });
for (let id = 0; id < Number(count); id += 1) store.record(run(id));
writeSync(1, 'queued\\n');
setInterval(() => {}, 1000);
`,
    );
    const result = await runChildScript({
      script,
      args: [POSTGRES_TEST_URL, schema, 'term', '40'],
      onLine: (line, signal) => {
        if (line === 'queued') signal('SIGTERM');
      },
    });
    expect(result).toEqual({ code: null, signal: 'SIGTERM', stderr: '' });
    expect(await runsPerStrategy(schema)).toEqual({ term: 40 });
  }, 60_000);

  it('on SIGTERM leaves ending the process to a program with its own handler', async () => {
    const schema = schemas.fresh();
    const script = await writeChild(
      'own-handler',
      `
const store = createTraceStore({ url, schema, flushIntervalMs: 60_000 });
process.on('SIGTERM', async () => {
  await store.close();
  writeSync(1, 'closed by the program\\n');
  process.exit(3);
});
for (let id = 0; id < Number(count); id += 1) store.record(run(id));
writeSync(1, 'queued\\n');
setInterval(() => {}, 1000);
`,
    );
    const lines: string[] = [];
    const result = await runChildScript({
      script,
      args: [POSTGRES_TEST_URL, schema, 'own', '20'],
      onLine: (line, signal) => {
        lines.push(line);
        if (line === 'queued') signal('SIGTERM');
      },
    });
    expect(result).toEqual({ code: 3, signal: null, stderr: '' });
    expect(lines).toEqual(['queued', 'closed by the program']);
    expect(await runsPerStrategy(schema)).toEqual({ own: 20 });
  }, 60_000);

  it('says how many runs it lost when process.exit() comes before they are written', async () => {
    const schema = schemas.fresh();
    const script = await writeChild(
      'exit',
      `
const store = createTraceStore({ url, schema, flushIntervalMs: 60_000 });
store.record(run(0));
await store.flush();
for (let id = 1; id <= Number(count); id += 1) store.record(run(id));
process.exit(0);
`,
    );
    const result = await runChildScript({
      script,
      args: [POSTGRES_TEST_URL, schema, 'exit', '30'],
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^Warning: 30 trace runs were not written to the PostgreSQL trace store at `postgres[^`]*`: the process exited first \(await store\.close\(\) before exiting\)\n$/,
    );
    expect(await runsPerStrategy(schema)).toEqual({ exit: 1 });
  }, 60_000);
});
