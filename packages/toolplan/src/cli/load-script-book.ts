import { loadBenchPackage } from './optional-packages.js';
import { readJsonFile } from './read-json-file.js';

/**
 * The simulated provider's script book for `run` and `serve-model`: a JSON file (an unreadable or
 * malformed one is an `InputFileError` naming path, line and column), or by default the scripts
 * of the bench scenarios that read no data files, which come with `@toolplan/bench` (a clone of
 * the repository). The simulated provider checks the book's shape itself.
 */
export async function loadScriptBook(options: {
  path?: string | undefined;
  speed: number;
  seed: number;
}): Promise<unknown> {
  if (options.path !== undefined) return readJsonFile(options.path, 'the script book');
  const bench = await loadBenchPackage(
    'The default script book (no `--scripts FILE` given; write one like examples/quickstart/scripts.json)',
  );
  return bench.defaultScriptBook({ speed: options.speed, seed: options.seed });
}
