import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTraceStore, type TraceRun, type TraceSummary } from '../trace/index.js';
import { runCli } from './run-cli.test-utils.js';

let directory: string;
let dbPath: string;

function run(index: number, strategy: string, tools: string[]): TraceRun {
  return {
    runId: `r${index}`,
    strategy,
    query: `query ${index}`,
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    wallMs: 50 + index,
    status: 'ok',
    usage: {
      llmCalls: strategy === 'plan' ? 1 : tools.length + 1,
      inputTokens: 10,
      cachedInputTokens: 0,
      outputTokens: 5,
    },
    steps: tools.map((tool, seq) => ({
      stepId: `s${seq}`,
      tool,
      args: '{}',
      status: 'ok',
      startMs: seq * 10,
      endMs: seq * 10 + 10,
      attempts: 1,
    })),
  };
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-traces-'));
  dbPath = join(directory, 'traces.sqlite');
  const store = createTraceStore({ path: dbPath });
  for (let index = 0; index < 5; index += 1)
    store.record(run(index, 'plan', ['get_user', 'get_preferences']));
  store.record(run(5, 'loop-sequential', ['get_weather', 'get_weather', 'get_weather']));
  await store.close();
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function traces(...flags: string[]) {
  return runCli('traces', ...flags);
}

describe('toolplan traces', () => {
  it('prints one JSON object with the recent runs and the summary', async () => {
    const { stdout, exitCode } = await traces('--db', dbPath, '--limit', '2', '--json');
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout) as { runs: TraceRun[]; summary: TraceSummary };
    expect(json.runs.map((each) => each.runId)).toEqual(['r5', 'r4']);
    expect(json.summary.runs).toBe(6);
    expect(json.summary.sequences[0]).toEqual({ sequence: 'get_user → get_preferences', runs: 5 });
  });

  it('lists runs and the summary for a reader', async () => {
    const { stdout } = await traces('--db', dbPath);
    expect(stdout).toContain('6 runs in');
    expect(stdout).toContain('loop-sequential  ok  55 ms 4 LLM  get_weather ×3');
    expect(stdout).toContain('plan: 5 runs, 0 failed');
    expect(stdout).toContain('get_user: 5 calls, 0 failed, p50 10 ms, p95 10 ms');
    expect(stdout).toContain('5× get_user → get_preferences');
  });

  it('says so, and creates nothing, when there is no trace file', async () => {
    const missing = join(directory, 'none', 'traces.sqlite');
    const { stdout, exitCode } = await traces('--db', missing);
    expect(exitCode).toBe(0);
    expect(stdout).toBe(`No traces recorded yet at ${missing}.`);
    expect(existsSync(join(directory, 'none'))).toBe(false);
    expect(JSON.parse((await traces('--db', missing, '--json')).stdout)).toEqual({
      runs: [],
      summary: { runs: 0, strategies: [], tools: [], sequences: [] },
    });
  });

  it('rejects a bad --limit before reading anything: a usage error, exit code 2', async () => {
    const { stdout, stderr, exitCode } = await traces('--db', dbPath, '--limit', '0');
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/positive integer/);
  });
});
