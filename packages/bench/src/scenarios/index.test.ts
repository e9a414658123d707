import { describe, expect, it } from 'vitest';
import { compileScriptBook } from '@toolplan/simulator';
import { uniqueScripts } from '../unique-scripts.js';
import * as scenarios from './index.js';
import { TEST_CONTEXT } from './scenario-checks.test-utils.js';

describe('scenarios/index', () => {
  it('exports the hand-written scenarios under their names', () => {
    expect(scenarios.weatherScenario.name).toBe('weather');
    expect(scenarios.userContextScenario.name).toBe('user-context');
    expect(scenarios.moviePickScenario.name).toBe('movie-pick');
    expect(scenarios.multiHopScenario.name).toBe('multi-hop');
  });

  // Opening every scenario reads BFCL's data twice and indexes its catalog: measured at 7 s on a
  // busy 2-core machine (vitest's default is 5 s).
  it(
    "every exported scenario's scripts compile together in one book",
    { timeout: 30_000 },
    async () => {
      const all = Object.values(scenarios);
      expect(new Set(all.map((scenario) => scenario.name)).size).toBe(all.length);
      const opened = await Promise.all(all.map((scenario) => scenario.open(TEST_CONTEXT)));
      try {
        const book = compileScriptBook({
          scenarios: uniqueScripts(
            opened.flatMap((scenario) => scenario.cases.map((item) => item.script)),
          ),
        });
        expect(book.scenarios.length).toBeGreaterThanOrEqual(4);
      } finally {
        await Promise.all(opened.map((scenario) => scenario.close()));
      }
    },
  );
});
