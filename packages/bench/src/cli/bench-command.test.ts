import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from 'toolplan/internal';
import { runBenchCli } from './run-bench-cli.test-utils.js';

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-bench-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('toolplan bench', () => {
  it('skips the fleet scenario, saying why, when its Redis does not answer, and runs the rest', async () => {
    const file = join(directory, 'fleet-skipped.json');
    const { stdout, stderr, exitCode } = await runBenchCli(
      'bench',
      '--scenario',
      'weather',
      'fleet',
      '--strategy',
      'optimized',
      '--speed',
      '200',
      '--redis',
      'redis://127.0.0.1:1',
      '--json',
      file,
    );
    expect(exitCode).toBe(0);
    expect(stdout).toContain('weather — ');
    expect(stderr).toMatch(
      /warning: scenario fleet was skipped: it needs PostgreSQL and Redis: .*Redis at redis:\/\/127\.0\.0\.1:1 did not answer.*--redis <url>/,
    );
    const report = JSON.parse(await readFile(file, 'utf8')) as {
      scenarios: Record<string, unknown>;
      skipped: Record<string, string>;
    };
    expect(Object.keys(report.scenarios)).toEqual(['weather']);
    expect(Object.keys(report.skipped)).toEqual(['fleet']);
  });

  it('skips the fleet scenario when `optimized`, the one it runs, is not picked', async () => {
    const { stderr, exitCode } = await runBenchCli(
      'bench',
      '--scenario',
      'fleet',
      '--strategy',
      'plan',
      '--speed',
      '200',
    );
    expect(exitCode).toBe(0);
    expect(stderr).toContain(
      'scenario fleet was skipped: it runs only `optimized`, which was not picked',
    );
  });

  // Measured at 11 s on a 2-core machine busy with other work (vitest's default is 5 s).
  it(
    'runs the chosen scenarios and strategies and writes the JSON contract',
    { timeout: 30_000 },
    async () => {
      const file = join(directory, 'bench.json');
      const { stdout, progress, exitCode } = await runBenchCli(
        'bench',
        '--scenario',
        'weather',
        'multi-hop',
        '--strategy',
        'loop-sequential',
        'loop-parallel',
        'plan',
        '--speed',
        '200',
        '--json',
        file,
      );
      expect(exitCode).toBe(0);
      expect(stdout).toContain('weather — ');
      expect(stdout).toContain('latency vs loop-sequential');
      expect(stdout).toContain('profile gpt-4o');
      // Each scenario's end is reported: 8 runs of its one case × 3 strategies.
      expect(progress).toContainEqual(
        expect.stringMatching(/^\[\d+:\d\d\] weather: 24 runs done, every answer right$/),
      );
      // The headline comes last, then the host's figures.
      expect(stdout).toMatch(
        /Summary[\s\S]*weather[\s\S]*multi-hop[\s\S]*host: event-loop delay p99/,
      );
      const report = JSON.parse(await readFile(file, 'utf8')) as {
        profile: string;
        host: Record<string, unknown>;
        scenarios: Record<string, Record<string, Record<string, unknown>>>;
      };
      expect(report.profile).toBe('gpt-4o');
      expect(typeof report.host['eventLoopDelayP99Ms']).toBe('number');
      expect(typeof report.host['providerLatenessP99Ms']).toBe('number');
      expect(typeof report.host['starved']).toBe('boolean');
      expect(Object.keys(report.scenarios)).toEqual(['weather', 'multi-hop']);
      for (const byStrategy of Object.values(report.scenarios)) {
        expect(Object.keys(byStrategy)).toEqual(['loop-sequential', 'loop-parallel', 'plan']);
        for (const figures of Object.values(byStrategy)) {
          for (const field of [
            'latencyMs',
            'llmCalls',
            'inputTokens',
            'cachedInputTokens',
            'outputTokens',
            'costUsd',
            'toolCalls',
            'transportErrors',
          ]) {
            expect(typeof figures[field], field).toBe('number');
          }
          expect(figures['transportErrors']).toBe(0);
          expect(figures['correct']).toBe(true);
        }
        expect(typeof byStrategy['plan']?.['lowerBoundMs']).toBe('number');
        expect(byStrategy['loop-sequential']?.['lowerBoundMs']).toBeUndefined();
      }
    },
  );

  // Every run of the injection scenario with one strategy: 175 runs, CPU-bound at this speed.
  it(
    'runs the injection scenario and writes its figures under its name',
    { timeout: 60_000 },
    async () => {
      const file = join(directory, 'injection.json');
      const { stdout, exitCode } = await runBenchCli(
        'bench',
        '--scenario',
        'injection',
        '--strategy',
        'optimized',
        '--speed',
        '200',
        '--json',
        file,
      );
      expect(exitCode).toBe(0);
      expect(stdout).toContain('41 user tasks, 13 injection tasks, 134 pairs');
      expect(stdout).toContain('1 scenarios × 1 strategies');
      const report = JSON.parse(await readFile(file, 'utf8')) as {
        scenarios: Record<string, Record<string, Record<string, unknown>>>;
      };
      expect(Object.keys(report.scenarios)).toEqual(['injection']);
      expect(report.scenarios['injection']?.['optimized']).toMatchObject({
        utility: 1,
        utilityUnderAttack: 1,
        attackSuccessRate: 0,
        injection: { defence: 'policies', userTasks: 41, injectionTasks: 13, pairs: 134 },
      });
    },
  );

  it('rejects an unknown scenario with the known names, running nothing', async () => {
    const { stderr, exitCode } = await runBenchCli('bench', '--scenario', 'wether');
    expect(exitCode).toBe(2);
    expect(stderr).toContain('Unknown scenario `wether`; expected one of `weather`');
  });
});

describe('toolplan serve-model', () => {
  it('serves the scripted simulated model until shut down', async () => {
    let shutdown!: () => void;
    const stopped = new Promise<void>((resolve) => {
      shutdown = resolve;
    });
    const lines: string[] = [];
    let served!: () => void;
    const listening = new Promise<void>((resolve) => {
      served = resolve;
    });
    const program = createProgram({
      stdout: (text) => {
        lines.push(text);
        if (text.includes('listening on')) served();
      },
      stderr: (text) => lines.push(text),
      setExitCode: () => undefined,
      waitForShutdown: () => stopped,
    });
    const running = program.parseAsync(['node', 'toolplan', 'serve-model', '--speed', '100']);
    await listening;
    const url = /listening on (\S+)/.exec(lines.join('\n'))?.[1] as string;
    const models = (await (await fetch(`${url}/models`)).json()) as { data: Array<{ id: string }> };
    expect(models.data.map((model) => model.id)).toContain('gpt-4o');
    shutdown();
    await running;
    await expect(fetch(`${url}/models`)).rejects.toThrow();
  });
});

// Real benches over HTTP: seconds each on a busy 2-core machine; behaviour is tested, not speed.
describe('toolplan bench --traces', { timeout: 30_000 }, () => {
  it('records every run of every strategy in the trace log', async () => {
    const db = join(directory, 'traces', 'bench.sqlite');
    const bench = await runBenchCli(
      'bench',
      '--scenario',
      'weather',
      '--strategy',
      'loop-parallel',
      'plan',
      '--speed',
      '200',
      '--min-runs',
      '2',
      '--traces',
      db,
    );
    expect(bench.exitCode).toBe(0);
    const { stdout, exitCode } = await runBenchCli('traces', '--db', db, '--json', '--limit', '10');
    expect(exitCode).toBe(0);
    const { runs } = JSON.parse(stdout) as {
      runs: Array<{
        strategy: string;
        query: string;
        plan?: unknown;
        steps: Array<{ tool: string; args: unknown }>;
      }>;
    };
    expect(runs.map((entry) => entry.strategy).sort()).toEqual([
      'loop-parallel',
      'loop-parallel',
      'plan',
      'plan',
    ]);
    const loop = runs.find((entry) => entry.strategy === 'loop-parallel');
    expect(loop?.steps.filter((step) => step.tool === 'get_weather')).toHaveLength(5);
    const planned = runs.find((entry) => entry.strategy === 'plan');
    expect(planned?.plan).toMatchObject({
      steps: [{ id: 'w', tool: 'get_weather' }, { id: 'cmp' }],
    });
    expect(planned?.query).toContain('Boston');
  });
});

// Real benches over HTTP: seconds each on a busy 2-core machine; behaviour is tested, not speed.
describe('toolplan bench --report', { timeout: 30_000 }, () => {
  it('writes the HTML report and its SVG images, and says where', async () => {
    const reportDirectory = join(directory, 'report');
    const { stdout, exitCode } = await runBenchCli(
      'bench',
      '--scenario',
      'weather',
      '--strategy',
      'loop-parallel',
      'plan',
      '--speed',
      '200',
      '--min-runs',
      '1',
      '--report',
      reportDirectory,
    );
    expect(exitCode).toBe(0);
    expect(stdout).toContain(`report written to ${join(reportDirectory, 'index.html')}`);
    const html = await readFile(join(reportDirectory, 'index.html'), 'utf8');
    expect(html).toContain('data-scenario="weather"');
    expect(html).toContain('data-strategy="plan"');
    const timeline = await readFile(join(reportDirectory, 'weather-timeline.svg'), 'utf8');
    expect(timeline).toContain('data-kind="model-decode"');
    expect(timeline).toContain('data-kind="tool"');
    for (const chart of ['latency', 'tokens', 'cost']) {
      const svg = await readFile(join(reportDirectory, `weather-${chart}.svg`), 'utf8');
      expect(svg.match(/data-kind="bar"/g), chart).toHaveLength(2);
    }
  });
});
