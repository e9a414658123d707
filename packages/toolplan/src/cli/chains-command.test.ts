import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTraceStore, type ChainDefinition, type TraceRun } from '../trace/index.js';
import { runCli } from './run-cli.test-utils.js';

let directory: string;
let dbPath: string;

function run(index: number, city: string): TraceRun {
  return {
    runId: `r${index}`,
    strategy: 'plan',
    query: `What is the weather in ${city}?`,
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    wallMs: 50,
    status: 'ok',
    plan: {
      steps: [
        { id: 'w', tool: 'get_weather', args: { city } },
        { id: 'f', tool: 'format_report', args: { temp: '$w.temp' } },
      ],
      answer: '${f.text}',
    },
    steps: [],
  };
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-chains-cli-'));
  dbPath = join(directory, 'traces.sqlite');
  const store = createTraceStore({ path: dbPath });
  const cities = ['Boston', 'Paris', 'Oslo', 'Lima'];
  for (let index = 0; index < 8; index += 1) store.record(run(index, cities[index % 4] as string));
  store.record({
    ...run(8, 'Rome'),
    query: 'Something else entirely',
    plan: { steps: [{ id: 'x', tool: 'other', args: {} }] },
  });
  store.record({ ...run(9, 'Rome'), strategy: 'loop-sequential', plan: undefined } as TraceRun);
  await store.close();
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function chains(...flags: string[]) {
  return runCli('chains', ...flags);
}

describe('toolplan chains', () => {
  it('mines the trace log into one reviewable file per proposal', async () => {
    const out = join(directory, 'chains');
    const { stdout, exitCode } = await chains('mine', '--traces', dbPath, '--out', out, '--json');
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout) as {
      proposals: ChainDefinition[];
      files: string[];
      totalRuns: number;
      coverage: number;
    };
    expect(json.totalRuns).toBe(10);
    expect(json.coverage).toBeCloseTo(0.8);
    expect(json.files).toEqual([join(out, 'get_weather-format_report.chain.json')]);
    const written = JSON.parse(await readFile(json.files[0] as string, 'utf8')) as ChainDefinition;
    expect(written).toMatchObject({
      name: 'get_weather-format_report',
      kept: false,
      origin: 'mined',
      support: 8,
      params: { city: { type: 'string', entities: ['Boston', 'Lima', 'Oslo', 'Paris'] } },
      dataFlow: [{ from: 'w.temp', to: 'f.temp' }],
      queryArgs: [{ param: 'city', to: 'w.city' }],
    });
  });

  it('prints a table for a reader, and lists the files as proposed until kept', async () => {
    const out = join(directory, 'table');
    const { stdout } = await chains('mine', '--traces', dbPath, '--out', out);
    expect(stdout).toContain('1 proposal covering 80.0% of 10 runs');
    expect(stdout).toMatch(
      /get_weather-format_report\s+8\s+80\.0%\s+80\.0%\s+get_weather → format_report\s+What is the weather in/,
    );
    // The log's eight planner runs are eight agreements: the proposal would answer alone.
    expect((await chains('list', '--dir', out, '--traces', dbPath)).stdout).toMatch(
      /get_weather-format_report\s+proposed\s+promoted\s+mined\s+8/,
    );
    // No log, no evidence: in shadow until it agrees three times (or --promote-after).
    const none = join(directory, 'none.sqlite');
    expect((await chains('list', '--dir', out, '--traces', none)).stdout).toMatch(
      /get_weather-format_report\s+proposed\s+shadow 0\/3\s+mined\s+8/,
    );
    expect(
      (await chains('list', '--dir', out, '--traces', dbPath, '--promote-after', '9')).stdout,
    ).toMatch(/proposed\s+shadow 8\/9\s+mined/);
    const file = join(out, 'get_weather-format_report.chain.json');
    const chain = JSON.parse(await readFile(file, 'utf8')) as ChainDefinition;
    await writeFile(file, JSON.stringify({ ...chain, kept: true }));
    expect((await chains('list', '--dir', out, '--traces', none)).stdout).toMatch(
      /get_weather-format_report\s+kept\s+trusted/,
    );
  });

  it('counts a planner run with another plan as a disagreement that starts the count over', async () => {
    const log = join(directory, 'disagreeing.sqlite');
    const store = createTraceStore({ path: log });
    const cities = ['Boston', 'Paris', 'Oslo', 'Lima'];
    for (let index = 0; index < 4; index += 1) store.record(run(index, cities[index] as string));
    // Paris in Fahrenheit: the same wording, another plan.
    store.record({
      ...run(4, 'Paris'),
      plan: {
        steps: [
          { id: 'w', tool: 'get_weather', args: { city: 'Paris', units: 'fahrenheit' } },
          { id: 'f', tool: 'format_report', args: { temp: '$w.temp' } },
        ],
        answer: '${f.text}',
      },
    });
    store.record(run(5, 'Boston'));
    // Runs the chain or the plan cache answered are no evidence: they would agree with themselves.
    store.record({ ...run(6, 'Oslo'), strategy: 'chain' });
    store.record({
      ...run(7, 'Lima'),
      usage: { llmCalls: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 },
    });
    await store.close();
    const out = join(directory, 'disagreeing');
    await chains('mine', '--traces', dbPath, '--out', out);
    const { stdout } = await chains('list', '--dir', out, '--traces', log, '--json');
    expect(JSON.parse(stdout)).toMatchObject({
      chains: [
        {
          name: 'get_weather-format_report',
          standing: {
            state: 'shadow',
            agreements: 1,
            comparisons: 6,
            disagreements: 1,
            promoteAfter: 3,
          },
        },
      ],
    });
    expect((await chains('list', '--dir', out, '--traces', log)).stdout).toMatch(
      /proposed\s+shadow 1\/3 \(1 disagreed\)\s+mined/,
    );
  });

  it('drops shapes below --min-support', async () => {
    const out = join(directory, 'strict');
    const { stdout } = await chains('mine', '--traces', dbPath, '--out', out, '--min-support', '9');
    expect(stdout).toBe('No plan shape recurs often enough in 10 runs; nothing proposed.');
    expect(existsSync(out)).toBe(false);
  });

  it('reports a missing trace log and a bad chain file', async () => {
    const missing = await chains('mine', '--traces', join(directory, 'none.sqlite'));
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/no trace log/);
    const bad = join(directory, 'bad');
    await chains('mine', '--traces', dbPath, '--out', bad);
    await writeFile(join(bad, 'x.chain.json'), '{}');
    const listed = await chains('list', '--dir', bad);
    expect(listed.exitCode).toBe(2);
    expect(listed.stderr).toMatch(/x\.chain\.json is not a valid chain/);
    await writeFile(join(bad, 'x.chain.json'), '{\n  "version": 1,\n  "name": "x",,\n}');
    const broken = await chains('list', '--dir', bad);
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toBe(
      `error: ${join(bad, 'x.chain.json')}:3:15: expected a property name in double quotes`,
    );
  });

  it('rejects a bad --min-support before reading anything: a usage error, exit code 2', async () => {
    const { stdout, stderr, exitCode } = await chains(
      'mine',
      '--traces',
      dbPath,
      '--min-support',
      '0',
    );
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/positive integer/);
  });
});
