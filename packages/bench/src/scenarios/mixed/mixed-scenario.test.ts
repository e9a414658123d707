import { stringify } from 'safe-stable-stringify';
import { afterAll, describe, expect, it } from 'vitest';
import { createToolRegistry, type Plan } from 'toolplan/internal';
import { expectStreamScriptsAnswer, TEST_CONTEXT } from '../scenario-checks.test-utils.js';
import { REPEAT_KIND } from '../near-miss/near-miss-kinds.js';
import { mixedNewsPredictor } from './mixed-news.js';
import { MIXED_PARTS, mixedScenario } from './mixed-scenario.js';
import { MIXED_BASES, mixedStream, mixedWarmUp, NOVEL_KIND } from './mixed-stream.js';
import { prefixPlanIds } from './prefix-plan-ids.js';

describe('mixed scenario', async () => {
  const opened = await mixedScenario.open(TEST_CONTEXT);
  const registry = createToolRegistry(opened.toolsFor(opened.cases[0] as never));
  afterAll(() => opened.close());
  const stream = mixedStream({ seed: TEST_CONTEXT.seed });
  const warmUp = mixedWarmUp();
  const measured = stream.slice(warmUp);

  it('mixes 40% repeats, 20% near misses and 40% novel questions after a warm-up of every base', () => {
    expect(mixedScenario.stream?.warmUp).toBe(warmUp);
    expect(warmUp).toBe(MIXED_BASES.length * 4);
    expect(stream.slice(0, warmUp).every((item) => item.kind === REPEAT_KIND)).toBe(true);
    expect(new Set(stream.slice(0, warmUp).map((item) => item.source))).toEqual(
      new Set(MIXED_BASES.map((base) => base.id)),
    );
    const share = (test: (kind: string) => boolean) =>
      measured.filter((item) => test(item.kind)).length / measured.length;
    expect(share((kind) => kind === REPEAT_KIND)).toBeCloseTo(0.4, 2);
    expect(share((kind) => kind === NOVEL_KIND)).toBeCloseTo(0.4, 2);
    expect(share((kind) => kind !== REPEAT_KIND && kind !== NOVEL_KIND)).toBeCloseTo(0.2, 2);
  });

  it('puts a third of every kind behind the slow news search, and only those', () => {
    for (const group of [REPEAT_KIND, NOVEL_KIND, 'near-miss']) {
      const items = measured.filter((item) =>
        group === 'near-miss'
          ? item.kind !== REPEAT_KIND && item.kind !== NOVEL_KIND
          : item.kind === group,
      );
      const slow = items.filter((item) => item.slowSearch);
      expect(slow.length / items.length, group).toBeCloseTo(1 / 3, 1);
    }
    for (const item of stream) {
      const searches = item.plan.steps.some((step) => step.tool === 'search_news');
      expect(searches, item.query).toBe(item.slowSearch);
    }
  });

  it('asks novel questions as two requests of different domains, never a learned shape', () => {
    const novel = measured.filter((item) => item.kind === NOVEL_KIND);
    for (const item of novel) {
      const [left, right] = item.source.split(' + ');
      expect(left?.split('/')[0], item.source).not.toBe(right?.split('/')[0]);
    }
    // Each pair of shapes is rare enough never to answer without a model: a shape answers alone
    // from its fifth run at the earliest (remembered, then three agreements).
    const counts = new Map<string, number>();
    for (const item of novel) counts.set(item.source, (counts.get(item.source) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(4);
  });

  it('runs the whole stream for the parts optimized is compared with', () => {
    expect(mixedScenario.stream?.fullFor).toEqual(MIXED_PARTS);
    expect([...MIXED_PARTS]).toEqual(['plan', 'plan+predict', 'plan+chains']);
  });

  it('the same seed gives the same stream; another seed another', () => {
    const queries = (seed: number) => mixedStream({ seed }).map((item) => item.query);
    expect(queries(1)).toEqual(queries(1));
    expect(queries(2)).not.toEqual(queries(1));
  });

  it('scripts of repeated queries agree, so they compile into one book; every plan validates and executing it gives the expected answer; so does the join', async () => {
    await expectStreamScriptsAnswer(opened.cases, registry);
  }, 60_000);

  it("the news predictor guesses a base's search, and a filtered near miss's guess is wasted", () => {
    const predict = (query: string) => mixedNewsPredictor.predict({ query, results: [] });
    expect(predict("What's the latest news on Ionforge?")).toEqual([
      { tool: 'search_news', args: { query: 'Ionforge' }, confidence: 0.9 },
    ]);
    expect(predict("What's the weather in Paris?")).toEqual([]);
  });
});

describe('prefixPlanIds', () => {
  it('renames step ids and every reference to them, and nothing else', () => {
    const plan: Plan & { answer: string } = {
      steps: [
        { id: 'w', tool: 'get_weather', forEach: ['Paris'], args: { city: '$item' } },
        { id: 'r', tool: 'rank', args: { items: '$w', top: '${w[0].temp}', note: '$wx' } },
        { id: 'f', tool: 'format', args: { text: 'about ${r.top}' }, after: ['w'] },
        { id: 'e', tool: 'each', forEach: '$r.items', args: { x: '$item', i: '$index' } },
      ],
      answer: '${f.text} (${r.top}) costs $$w',
    };
    expect(stringify(prefixPlanIds(plan, 'b_'))).toBe(
      stringify({
        steps: [
          { id: 'b_w', tool: 'get_weather', forEach: ['Paris'], args: { city: '$item' } },
          {
            id: 'b_r',
            tool: 'rank',
            args: { items: '$b_w', top: '${b_w[0].temp}', note: '$wx' },
          },
          { id: 'b_f', tool: 'format', args: { text: 'about ${b_r.top}' }, after: ['b_w'] },
          { id: 'b_e', tool: 'each', forEach: '$b_r.items', args: { x: '$item', i: '$index' } },
        ],
        // `$$w` is an escaped dollar and the text `w`, no reference.
        answer: '${b_f.text} (${b_r.top}) costs $$w',
      }),
    );
  });
});
