import { stringify } from 'safe-stable-stringify';
import { afterAll, describe, expect, it } from 'vitest';
import { compileValue, resolveValue, validatePlan } from 'toolplan/internal';
import { compileScriptBook } from '@toolplan/simulator';
import { createToolRegistry } from 'toolplan/internal';
import { uniqueScripts } from '../unique-scripts.js';
import {
  REPEAT_TRAFFIC_KINDS,
  repeatTrafficScenario,
  repeatTrafficStream,
} from './repeat-traffic-scenario.js';
import {
  playScriptedLoop,
  recordingRegistry,
  TEST_CONTEXT,
  type RecordedCall,
  executeScriptedPlan,
} from './scenario-checks.test-utils.js';

describe('repeat-traffic scenario', async () => {
  const opened = await repeatTrafficScenario.open(TEST_CONTEXT);
  const registry = createToolRegistry(opened.toolsFor(opened.cases[0] as never));
  afterAll(() => opened.close());

  it('is a stream of 240 queries: 54 of each repeated kind and 24 novel ones', () => {
    expect(repeatTrafficScenario.stream).toEqual({ warmUp: 48, concurrency: 24 });
    expect(opened.cases).toHaveLength(240);
    const counts = new Map<string, number>();
    for (const benchCase of opened.cases) {
      counts.set(benchCase.kind ?? '', (counts.get(benchCase.kind ?? '') ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      ...Object.fromEntries(REPEAT_TRAFFIC_KINDS.map((kind) => [kind, 54])),
      novel: 24,
    });
    expect(new Set(opened.cases.map((benchCase) => benchCase.id)).size).toBe(240);
  });

  it('varies the entities of the repeated kinds, and words every novel query its own way', () => {
    for (const kind of REPEAT_TRAFFIC_KINDS) {
      const queries = new Set(
        opened.cases.filter((item) => item.kind === kind).map((item) => item.query),
      );
      expect(queries.size, kind).toBeGreaterThan(8);
    }
    // With the entities taken out, no two novel queries share a wording.
    const shapes = opened.cases
      .filter((item) => item.kind === 'novel')
      .map((item) =>
        item.query
          .replace(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b/g, 'X')
          .replace(/\b(?:alice|bruno|chen|dara|emeka|farah|goran|hana|ivan|jules)\b/g, 'X'),
      );
    expect(new Set(shapes).size).toBe(24);
  });

  it('the same seed gives the same stream; another seed another', () => {
    const queries = (seed: number) => repeatTrafficStream(seed).map((draft) => draft.query);
    expect(queries(1)).toEqual(queries(1));
    expect(queries(2)).not.toEqual(queries(1));
  });

  it('scripts of repeated queries agree, so they compile into one book', () => {
    const scripts = uniqueScripts(opened.cases.map((item) => item.script));
    expect(scripts.length).toBeLessThan(240);
    expect(compileScriptBook({ scenarios: scripts }).scenarios).toHaveLength(scripts.length);
  });

  it('every plan validates, and executing it, joining over it and the loop all give the expected answer with the same calls', async () => {
    for (const benchCase of opened.cases) {
      const plan = benchCase.script.plan;
      validatePlan(plan, { tools: registry });
      const planCalls: RecordedCall[] = [];
      const result = await executeScriptedPlan(plan, recordingRegistry(registry, planCalls));
      expect(result.status, benchCase.query).toBe('ok');
      expect(result.answer, benchCase.query).toBe(benchCase.expectedAnswer);
      const joined = compileValue(benchCase.script.joinAnswer);
      const results = new Map(
        Object.entries(result.results).map(([id, value]) => [
          id,
          JSON.parse(JSON.stringify(value)) as unknown,
        ]),
      );
      expect(resolveValue(joined.value, { results })).toBe(benchCase.expectedAnswer);
      const loopCalls: RecordedCall[] = [];
      const { answer } = await playScriptedLoop(benchCase, recordingRegistry(registry, loopCalls));
      expect(answer, benchCase.query).toBe(benchCase.expectedAnswer);
      const canonical = (calls: RecordedCall[]) => calls.map((call) => stringify(call)).sort();
      expect(canonical(planCalls)).toEqual(canonical(loopCalls));
    }
  });

  it('every tool is read-only and idempotent', () => {
    for (const tool of registry.list()) {
      expect(tool.readOnly, tool.name).toBe(true);
      expect(tool.idempotent, tool.name).toBe(true);
    }
  });
});
