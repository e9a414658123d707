import type { ScriptBook } from '../simulator/index.js';
import { loadScriptBook } from './load-script-book.js';
import { readJsonFile } from './read-json-file.js';

/**
 * `loadScriptBook` for a command: a `--scripts` file that cannot be read or is not JSON is an
 * {@link InputFileError} saying where, not the bare error of `readFile` or `JSON.parse`.
 */
export async function openScriptBook(options: {
  path?: string | undefined;
  speed: number;
  seed: number;
}): Promise<ScriptBook> {
  try {
    return await loadScriptBook(options);
  } catch (error) {
    // Reading it again, as a JSON file, says where the trouble is; if that finds none, the
    // trouble was elsewhere.
    if (options.path !== undefined) await readJsonFile(options.path, 'the script book');
    throw error;
  }
}
