import { benchScenarios } from '../bench/bench-catalog.js';
import { uniqueScripts } from '../bench/unique-scripts.js';
import type { ScriptBook } from '../simulator/index.js';
import { readJsonFile } from './read-json-file.js';

/**
 * The simulated provider's script book for `run` and `serve-model`: a JSON file (an unreadable or
 * malformed one is an `InputFileError` naming path, line and column), or by default
 * the scripts of every bench scenario that reads no data files (opened with the run's speed and
 * seed, which some scenarios' queries depend on). BFCL's cases are left out: loading them costs
 * time on every `run`, and a query of theirs is not what a user types first.
 */
export async function loadScriptBook(options: {
  path?: string | undefined;
  speed: number;
  seed: number;
}): Promise<ScriptBook> {
  if (options.path !== undefined) {
    // The simulated provider checks the book's shape itself.
    return (await readJsonFile(options.path, 'the script book')) as ScriptBook;
  }
  const context = { speed: options.speed, seed: options.seed };
  const opened = await Promise.all(
    benchScenarios
      .filter((scenario) => scenario.readsDataFiles !== true)
      .map((scenario) => scenario.open(context)),
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
