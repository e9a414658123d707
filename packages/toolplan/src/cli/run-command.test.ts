import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedProvider, gpt4oProfile, type ScriptBook } from '@toolplan/simulator';
import { OSLO_ROME_QUERY, osloRomeScript, runCli, writeTempFixture } from './run-cli.test-utils.js';

let directory: string;
let toolsPath: string;
let scriptsPath: string;

const QUERY = OSLO_ROME_QUERY;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-run-'));
  ({ toolsPath, scriptsPath } = await writeTempFixture(directory, [osloRomeScript]));
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
      // Added: the plan cache was tried (empty) before the planner answered.
      'fallThrough',
      'plan',
      'results',
      'steps',
      'timeline',
      'usage',
      'wallMs',
    ]);
    expect(json['answeredBy']).toBe('template');
    expect(json['fallThrough']).toEqual({ planCache: 'miss', reasons: [] });
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

  it('prints each step with its items, the answer, and what the model cost', async () => {
    const { stdout, exitCode } = await run(
      QUERY,
      '--tools',
      toolsPath,
      '--scripts',
      scriptsPath,
      '--speed',
      '100',
      '--no-traces',
    );
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^✓ t +get_temp × 2 items {2}\d/);
    expect(stdout).toContain('\nOslo 4°C, Rome 18°C.\n');
    // The simulated gpt-4o: its list prices, $2.50 and $10 per million input and output tokens.
    const summary =
      /1 model call · (\d+) input tokens \((\d+) cached\) · (\d+) output tokens · \$(\d+\.\d{5}) at gpt-4o's prices · [\d.]+ ms · answered by the plan's template$/.exec(
        stdout,
      );
    expect(summary, stdout).not.toBeNull();
    const [input, cached, output, dollars] = (summary ?? []).slice(1).map(Number) as number[];
    const expected = ((input! - cached!) * 2.5 + cached! * 1.25 + output! * 10) / 1e6;
    expect(dollars).toBeCloseTo(expected, 5);
    expect(dollars).toBeGreaterThan(0);
  });

  it('says the cost is unknown for a model the simulator has no prices of', async () => {
    const provider = await createSimulatedProvider({
      profile: { ...gpt4oProfile, name: 'local-llama' },
      speed: 100,
      scripts: JSON.parse(await readFile(scriptsPath, 'utf8')) as ScriptBook,
    });
    try {
      const { stdout, exitCode } = await run(
        QUERY,
        '--tools',
        toolsPath,
        '--base-url',
        provider.url,
        '--model',
        'local-llama',
        '--no-traces',
      );
      expect(exitCode).toBe(0);
      expect(stdout).toMatch(/ · cost unknown for model local-llama · /);
    } finally {
      await provider.close();
    }
  });

  it('names the line and column of a syntax error in --scripts and in a chain file', async () => {
    const badScripts = join(directory, 'bad-scripts.json');
    await writeFile(badScripts, '{\n  "scenarios": [\n    { "name": "x", }\n  ]\n}\n');
    const scripts = await run(QUERY, '--tools', toolsPath, '--scripts', badScripts, '--no-traces');
    expect(scripts.exitCode).toBe(2);
    expect(scripts.stderr).toBe(
      `error: ${badScripts}:3:20: expected a property name in double quotes`,
    );
    const missing = await run(
      QUERY,
      '--tools',
      toolsPath,
      '--scripts',
      join(directory, 'none.json'),
      '--no-traces',
    );
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe(
      `error: cannot read the script book ${join(directory, 'none.json')}: no such file`,
    );
    const chains = join(directory, 'bad-chains');
    await mkdir(chains, { recursive: true });
    await writeFile(join(chains, 'temps.chain.json'), '{\n  "version": 1\n  "name": "temps"\n}\n');
    const chained = await run(QUERY, '--tools', toolsPath, '--chains', chains, '--no-traces');
    expect(chained.exitCode).toBe(2);
    expect(chained.stderr).toBe(
      `error: ${join(chains, 'temps.chain.json')}:3:3: expected ',' or '}' after a property value`,
    );
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
  it('runs a proposed chain file in shadow until the trace log shows it agreeing with the planner', async () => {
    const chains = join(directory, 'proposed');
    await mkdir(chains, { recursive: true });
    await writeFile(
      join(chains, 'temps.chain.json'),
      JSON.stringify({
        version: 1,
        name: 'temps',
        origin: 'mined',
        kept: false,
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
    const db = join(directory, 'proposed.sqlite');
    const ask = async (...flags: string[]) => {
      const { stdout } = await run(
        QUERY,
        '--tools',
        toolsPath,
        '--scripts',
        scriptsPath,
        '--speed',
        '100',
        '--chains',
        chains,
        '--json',
        ...flags,
      );
      return JSON.parse(stdout) as { answeredBy: string; usage: { llmCalls: number } };
    };
    // Three runs of the planner whose plans are the chain's: each is an agreement in the log.
    for (let time = 0; time < 3; time += 1) {
      expect(await ask('--traces', db)).toMatchObject({
        answeredBy: 'template',
        usage: { llmCalls: 1 },
      });
    }
    const listed = await runCli('chains', 'list', '--dir', chains, '--traces', db, '--json');
    expect(JSON.parse(listed.stdout)).toMatchObject({
      chains: [{ name: 'temps', standing: { state: 'promoted', agreements: 3, disagreements: 0 } }],
    });
    expect(await ask('--traces', db)).toMatchObject({
      answeredBy: 'chain',
      usage: { llmCalls: 0 },
    });
    // Without the log there is no evidence: the proposal is in shadow again.
    expect(await ask('--no-traces')).toMatchObject({ answeredBy: 'template' });
  });
});
