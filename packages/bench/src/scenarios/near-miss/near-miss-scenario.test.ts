import { stringify } from 'safe-stable-stringify';
import { afterAll, describe, expect, it } from 'vitest';
import { createToolRegistry } from 'toolplan/internal';
import { createSeededRandom } from '@toolplan/simulator';
import {
  executeScriptedPlan,
  expectStreamScriptsAnswer,
  playScriptedLoop,
  recordingRegistry,
  TEST_CONTEXT,
  type RecordedCall,
} from '../scenario-checks.test-utils.js';
import { NEAR_MISS_BASES, NEAR_MISS_PATTERNS } from './near-miss-catalog.js';
import { NEAR_MISS_KINDS, PLAN_KEEPING_KIND, REPEAT_KIND } from './near-miss-kinds.js';
import { nearMissScenario } from './near-miss-scenario.js';
import { nearMissStream, nearMissWarmUp } from './near-miss-stream.js';

describe('near-miss scenario', async () => {
  const opened = await nearMissScenario.open(TEST_CONTEXT);
  const registry = createToolRegistry(opened.toolsFor(opened.cases[0] as never));
  afterAll(() => opened.close());
  const nearMisses = opened.cases.filter((benchCase) => benchCase.kind !== REPEAT_KIND);

  it('has at least 100 hand-written patterns over at least 10 kinds, every kind used', () => {
    expect(NEAR_MISS_PATTERNS.length).toBeGreaterThanOrEqual(100);
    expect(NEAR_MISS_KINDS.length).toBeGreaterThanOrEqual(10);
    const used = new Set(NEAR_MISS_PATTERNS.map((pattern) => pattern.kind));
    expect([...used].sort()).toEqual([...NEAR_MISS_KINDS].sort());
    for (const kind of NEAR_MISS_KINDS) {
      expect(
        NEAR_MISS_PATTERNS.filter((pattern) => pattern.kind === kind).length,
        kind,
      ).toBeGreaterThanOrEqual(4);
    }
    expect(new Set(NEAR_MISS_PATTERNS.map((pattern) => pattern.id)).size).toBe(
      NEAR_MISS_PATTERNS.length,
    );
    const bases = new Set(NEAR_MISS_BASES.map((base) => base.id));
    for (const pattern of NEAR_MISS_PATTERNS)
      expect(bases.has(pattern.base), pattern.id).toBe(true);
  });

  it('streams at least 1,000 distinct near misses after a warm-up of repeats, every pattern filled', () => {
    const warmUp = nearMissScenario.stream?.warmUp ?? 0;
    expect(warmUp).toBe(nearMissWarmUp());
    expect(opened.cases.slice(0, warmUp).every((item) => item.kind === REPEAT_KIND)).toBe(true);
    expect(nearMisses.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(nearMisses.map((item) => item.query)).size).toBeGreaterThanOrEqual(1000);
    const repeats = opened.cases.slice(warmUp).filter((item) => item.kind === REPEAT_KIND);
    expect(repeats.length).toBeGreaterThanOrEqual(400);
    const sources = new Set(
      opened.cases.map((item) => item.script.name.split('/').slice(1, 3).join('/')),
    );
    for (const pattern of NEAR_MISS_PATTERNS)
      expect(sources.has(pattern.id), pattern.id).toBe(true);
    expect(new Set(opened.cases.map((item) => item.id)).size).toBe(opened.cases.length);
    expect(nearMissScenario.stream?.repeatedKinds).toEqual([REPEAT_KIND]);
  });

  it("each near miss's right plan differs from its base's with the same values, but for paraphrases", () => {
    const random = createSeededRandom(11);
    for (const pattern of NEAR_MISS_PATTERNS) {
      for (let draw = 0; draw < 5; draw += 1) {
        const { base, nearMiss } = pattern.draw(random);
        expect(nearMiss.query, pattern.id).not.toBe(base.query);
        if (pattern.kind === PLAN_KEEPING_KIND) {
          expect(stringify(nearMiss.plan), pattern.id).toBe(stringify(base.plan));
          expect(nearMiss.answer, pattern.id).toBe(base.answer);
        } else {
          expect(stringify(nearMiss.plan), pattern.id).not.toBe(stringify(base.plan));
          // The check of the answer tells them apart: the base's plan cannot pass for it.
          expect(nearMiss.answer, `${pattern.id}: ${nearMiss.query}`).not.toBe(base.answer);
        }
      }
    }
  });

  it('the same seed gives the same stream; another seed another', () => {
    const queries = (seed: number) => nearMissStream({ seed }).map((item) => item.query);
    expect(queries(1)).toEqual(queries(1));
    expect(queries(2)).not.toEqual(queries(1));
  });

  it('scripts of repeated queries agree, so they compile into one book; every plan validates and executing it gives the expected answer; so does the join', async () => {
    await expectStreamScriptsAnswer(opened.cases, registry);
  }, 60_000);

  it('on a sample, the scripted loop gives the expected answer with the plan’s calls', async () => {
    const sample = opened.cases.filter((_, index) => index % 7 === 0);
    for (const benchCase of sample) {
      const planCalls: RecordedCall[] = [];
      await executeScriptedPlan(benchCase.script.plan, recordingRegistry(registry, planCalls));
      const loopCalls: RecordedCall[] = [];
      const { answer } = await playScriptedLoop(benchCase, recordingRegistry(registry, loopCalls));
      expect(answer, benchCase.query).toBe(benchCase.expectedAnswer);
      const canonical = (calls: RecordedCall[]) => calls.map((call) => stringify(call)).sort();
      expect(canonical(loopCalls), benchCase.query).toEqual(canonical(planCalls));
    }
  }, 60_000);

  it('every tool is read-only and idempotent', () => {
    for (const tool of registry.list()) {
      expect(tool.readOnly, tool.name).toBe(true);
      expect(tool.idempotent, tool.name).toBe(true);
    }
  });
});
