import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopParallelStrategy, planStrategy, sessionStrategy } from '../../agent/index.js';
import { gpt4oProfile } from '../../simulator/index.js';
import type { BenchReport } from '../bench-figures.js';
import { runBench } from '../run-bench.js';
import { multiTurnScenario } from '../scenarios/multi-turn-scenario.js';
import { weatherScenario } from '../scenarios/index.js';
import { writeBenchReport } from './write-bench-report.js';

// Debian's Chromium: `.ci/run` installs it. A missing browser fails the test, never skips it.
const chromiumPath = '/usr/bin/chromium';

let directory: string;
let report: BenchReport;
let browser: Browser | undefined;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `The report's browser test needs Chromium at ${chromiumPath}. Install it with ` +
        '`sudo apt-get install -y --no-install-recommends chromium` (Debian/Ubuntu; `.ci/run` does this).',
    );
  }
  // A real (small) bench: the page is drawn from measured runs, not from hand-made figures.
  report = await runBench({
    scenarios: [weatherScenario],
    strategies: [loopParallelStrategy, planStrategy],
    conversations: { scenarios: [multiTurnScenario], strategies: [sessionStrategy] },
    profile: gpt4oProfile,
    speed: 20,
    minRuns: 1,
  });
  directory = await mkdtemp(join(tmpdir(), 'toolplan-report-browser-'));
  const { index } = await writeBenchReport({ directory, report });
  browser = await chromium.launch({ executablePath: chromiumPath });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(pathToFileURL(index).href);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (directory !== undefined) await rm(directory, { recursive: true, force: true });
});

/** What the page's SVG elements offer (the project's TypeScript has no DOM library). */
interface Drawn {
  getBBox(): Box;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The SVG bounding boxes of the elements a selector finds, inside a scenario's section. */
function boxes(scenario: string, selector: string): Promise<Box[]> {
  return page.$$eval(`section[data-scenario="${scenario}"] ${selector}`, (elements) =>
    elements.map((element) => {
      const box = (element as unknown as Drawn).getBBox();
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    }),
  );
}

describe('the bench report in a real browser', () => {
  it('has one section per scenario, in report order', async () => {
    const scenarios = await page.$$eval('section[data-scenario]', (sections) =>
      sections.map((section) => section.getAttribute('data-scenario')),
    );
    expect(scenarios).toEqual(['weather', 'multi-turn']);
    expect(await page.locator('header').innerText()).toContain('simulated');
  });

  it('draws model calls, split at the first token, and tool calls with positive widths', async () => {
    for (const [scenario, strategies] of [
      ['weather', ['loop-parallel', 'plan']],
      ['multi-turn', ['session']],
    ] as const) {
      const rows = await page.$$eval(
        `section[data-scenario="${scenario}"] [data-kind="timeline-row"]`,
        (elements) => elements.map((element) => element.getAttribute('data-strategy')),
      );
      expect(rows, scenario).toEqual(strategies);
      const waiting = await boxes(scenario, '[data-kind="model-ttft"]');
      const decoding = await boxes(scenario, '[data-kind="model-decode"]');
      const tools = await boxes(scenario, '[data-kind="tool"]');
      const timelines = (report.timelines ?? []).filter((entry) => entry.scenario === scenario);
      const modelCalls = timelines.reduce((sum, entry) => sum + entry.modelCalls.length, 0);
      const toolCalls = timelines.reduce((sum, entry) => sum + entry.toolCalls.length, 0);
      expect(waiting).toHaveLength(modelCalls);
      expect(decoding).toHaveLength(modelCalls);
      expect(tools).toHaveLength(toolCalls);
      expect(toolCalls).toBeGreaterThan(0);
      for (const box of [...waiting, ...decoding, ...tools]) {
        expect(box.width).toBeGreaterThan(0);
        expect(box.height).toBeGreaterThan(0);
      }
    }
  });

  it('draws one bar per strategy in each chart, heights proportional to the figures', async () => {
    const charts = await page.$$eval(
      'section[data-scenario="weather"] [data-chart="bar"]',
      (svgs) =>
        svgs.map((svg) =>
          [...svg.querySelectorAll('[data-kind="bar"]')].map((bar) => ({
            label: bar.getAttribute('data-label'),
            value: Number(bar.getAttribute('data-value')),
            height: (bar as unknown as Drawn).getBBox().height,
          })),
        ),
    );
    expect(charts).toHaveLength(3);
    const figures = report.scenarios['weather'] ?? {};
    for (const bars of charts) {
      expect(bars.map((bar) => bar.label)).toEqual(['loop-parallel', 'plan']);
      const [first, second] = bars;
      if (first === undefined || second === undefined) throw new Error('two bars expected');
      expect(first.height).toBeGreaterThan(0);
      expect(second.height / first.height).toBeCloseTo(second.value / first.value, 1);
    }
    const latency = charts[0] ?? [];
    expect(latency.map((bar) => bar.value)).toEqual([
      figures['loop-parallel']?.latencyMs,
      figures['plan']?.latencyMs,
    ]);
  });

  it('shows the labels as text a reader can see', async () => {
    const section = page.locator('section[data-scenario="weather"]');
    for (const kind of ['bar-label', 'row-label']) {
      const labels = section.locator(`[data-kind="${kind}"]`);
      expect(await labels.count(), kind).toBeGreaterThan(0);
      for (const label of await labels.all()) expect(await label.isVisible()).toBe(true);
    }
    const barLabels = await section
      .locator('[data-figure="latency"] [data-kind="bar-label"]')
      .allTextContents();
    expect(barLabels).toEqual(['loop-parallel', 'plan']);
    expect(await section.locator('[data-kind="row-label"]').allTextContents()).toEqual([
      'loop-parallel',
      'plan',
    ]);
    expect(await section.locator('[data-kind="wall-label"]').first().isVisible()).toBe(true);
  });

  it('logs no error to the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
