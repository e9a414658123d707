import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchReport } from '../bench-figures.js';
import { writeBenchReport } from './write-bench-report.js';

const figures = {
  latencyMs: 10,
  llmCalls: 1,
  inputTokens: 5,
  cachedInputTokens: 0,
  outputTokens: 1,
  costUsd: 0.001,
  toolCalls: 1,
  correct: true,
  cases: 1,
  runs: 1,
  correctRuns: 1,
  transportErrors: 0,
  latencyP50Ms: 10,
  latencyP95Ms: 10,
};

let directory: string | undefined;
afterEach(async () => {
  if (directory !== undefined) await rm(directory, { recursive: true, force: true });
});

describe('writeBenchReport', () => {
  it('writes index.html and four SVG images per scenario, keeping file names inside the directory', async () => {
    directory = await mkdtemp(join(tmpdir(), 'toolplan-report-'));
    const report: BenchReport = {
      profile: 'gpt-4o',
      speed: 1,
      seed: 1,
      scenarios: { weather: { plan: figures }, '../evil name': { plan: figures } },
    };
    const target = join(directory, 'nested', 'report');
    const written = await writeBenchReport({ directory: target, report });
    expect(written.index).toBe(join(target, 'index.html'));
    expect((await readdir(target)).sort()).toEqual([
      '_-evil-name-cost.svg',
      '_-evil-name-latency.svg',
      '_-evil-name-timeline.svg',
      '_-evil-name-tokens.svg',
      'index.html',
      'weather-cost.svg',
      'weather-latency.svg',
      'weather-timeline.svg',
      'weather-tokens.svg',
    ]);
    expect(written.images).toHaveLength(8);
    const svg = await readFile(join(target, 'weather-latency.svg'), 'utf8');
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    expect(await readFile(written.index, 'utf8')).toContain('data-scenario="weather"');
  });
});

describe('writeBenchReport of a multi-turn scenario', () => {
  it('also writes its input tokens per turn as an image', async () => {
    directory = await mkdtemp(join(tmpdir(), 'toolplan-report-'));
    const turn = { ...figures, correctRuns: 1 };
    const written = await writeBenchReport({
      directory,
      report: {
        profile: 'gpt-4o',
        speed: 1,
        seed: 1,
        scenarios: { 'multi-turn': { session: { ...figures, perTurn: [turn, turn] } } },
      },
    });
    expect(written.images.map((path) => path.slice(directory?.length ?? 0))).toEqual(
      ['timeline', 'latency', 'tokens', 'cost', 'turns'].map((kind) => `/multi-turn-${kind}.svg`),
    );
    expect(await readFile(join(directory, 'multi-turn-turns.svg'), 'utf8')).toContain(
      'data-chart="line"',
    );
  });
});
