import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.test-utils.js';

let directory: string;
let toolsPath: string;
let scriptsPath: string;

const QUERY = 'How warm are Oslo and Rome, and which is warmer?';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-run-'));
  toolsPath = join(directory, 'tools.mjs');
  scriptsPath = join(directory, 'scripts.json');
  await writeFile(
    toolsPath,
    `export default {
      get_temp: {
        description: 'Temperature of a city (°C)',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        annotations: { readOnlyHint: true },
        execute: async ({ city }) => ({ city, temp: { Oslo: 4, Rome: 18 }[city] }),
      },
    };`,
  );
  await writeFile(
    scriptsPath,
    JSON.stringify({
      scenarios: [
        {
          name: 'run-test',
          query: QUERY,
          plan: {
            steps: [
              { id: 't', tool: 'get_temp', forEach: ['Oslo', 'Rome'], args: { city: '$item' } },
            ],
            answer: 'Oslo ${t[0].temp}°C, Rome ${t[1].temp}°C.',
          },
        },
      ],
    }),
  );
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function run(...args: string[]) {
  return runCli('run', ...args);
}

async function runTraces(...args: string[]) {
  return runCli('traces', ...args);
}

describe('toolplan run', () => {
  it('plans with one call to the simulated provider over HTTP and prints the JSON contract', async () => {
    const { stdout, exitCode } = await run(
      QUERY,
      '--tools',
      toolsPath,
      '--scripts',
      scriptsPath,
      '--speed',
      '100',
      '--json',
      '--traces',
      join(directory, 'run.sqlite'),
    );
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    // The fields of the contract, and what was added since (never renamed).
    expect(Object.keys(json).sort()).toEqual([
      'answer',
      'answeredBy',
      'plan',
      'results',
      'steps',
      'timeline',
      'usage',
      'wallMs',
    ]);
    expect(json['answeredBy']).toBe('template');
    expect(json['answer']).toBe('Oslo 4°C, Rome 18°C.');
    expect(json['results']).toEqual({
      t: [
        { city: 'Oslo', temp: 4 },
        { city: 'Rome', temp: 18 },
      ],
    });
    const usage = json['usage'] as Record<string, number>;
    expect(usage['llmCalls']).toBe(1);
    expect(usage['inputTokens']).toBeGreaterThan(100);
    expect(usage['outputTokens']).toBeGreaterThan(10);
    expect(typeof usage['cachedInputTokens']).toBe('number');
    expect((json['steps'] as Array<{ status: string }>).map((step) => step.status)).toEqual(['ok']);
  });

  it('reports a query the simulated provider has no script for as an error, not an answer', async () => {
    const { stderr, exitCode } = await run(
      'Something unscripted',
      '--tools',
      toolsPath,
      '--scripts',
      scriptsPath,
      '--speed',
      '100',
      '--no-traces',
    );
    expect(exitCode).toBe(2);
    expect(stderr).toContain('Something unscripted');
  });

  it('records the run in the trace log it is given', async () => {
    const db = join(directory, 'recorded.sqlite');
    await run(
      QUERY,
      '--tools',
      toolsPath,
      '--scripts',
      scriptsPath,
      '--speed',
      '100',
      '--traces',
      db,
    );
    const { stdout } = await runTraces('--db', db, '--json');
    const listed = JSON.parse(stdout) as { runs: Array<{ query: string; strategy: string }> };
    expect(listed.runs.map((each) => [each.query, each.strategy])).toEqual([[QUERY, 'plan']]);
  });

  it('answers from a kept chain with no model call', async () => {
    const chains = join(directory, 'chains');
    await mkdir(chains, { recursive: true });
    await writeFile(
      join(chains, 'temps.chain.json'),
      JSON.stringify({
        version: 1,
        name: 'temps',
        origin: 'code',
        kept: true,
        params: { cities: { type: 'string[]', entities: ['Oslo', 'Rome'] } },
        match: { patterns: ['how warm are (?<cities>.+), and which is warmer'] },
        plan: {
          steps: [
            { id: 't', tool: 'get_temp', forEach: '$params.cities', args: { city: '$item' } },
          ],
          answer: 'Oslo ${t[0].temp}°C, Rome ${t[1].temp}°C.',
        },
      }),
    );
    const { stdout, exitCode } = await run(
      QUERY,
      '--tools',
      toolsPath,
      '--scripts',
      scriptsPath,
      '--chains',
      chains,
      '--no-traces',
      '--json',
    );
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      answer: 'Oslo 4°C, Rome 18°C.',
      answeredBy: 'chain',
      chainName: 'temps',
      usage: { llmCalls: 0 },
    });
  });
});
