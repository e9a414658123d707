import type { ScriptBook } from '@toolplan/simulator';
import { benchScenarios } from './bench-catalog.js';
import { uniqueScripts } from './unique-scripts.js';

/**
 * The simulated provider's default script book (`toolplan run` and `serve-model` without
 * `--scripts`): the scripts of every bench scenario that reads no data files, opened with the
 * run's speed and seed, which some scenarios' queries depend on. BFCL's cases are left out:
 * loading them costs time on every `run`, and a query of theirs is not what a user types first.
 */
export async function defaultScriptBook(options: {
  speed: number;
  seed: number;
}): Promise<ScriptBook> {
  const opened = await Promise.all(
    benchScenarios
      .filter((scenario) => scenario.readsDataFiles !== true)
      .map((scenario) => scenario.open(options)),
  );
  try {
    return {
      scenarios: uniqueScripts(
        opened.flatMap((scenario) => scenario.cases.map((benchCase) => benchCase.script)),
      ),
    };
  } finally {
    await Promise.all(opened.map((scenario) => scenario.close()));
  }
}
