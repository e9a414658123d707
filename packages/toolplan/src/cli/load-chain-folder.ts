import { readFile } from 'node:fs/promises';
import { ChainFileError, loadChainFiles, type ChainDefinition } from '../trace/index.js';
import { InputFileError } from './input-file-error.js';

/**
 * `loadChainFiles` for a command: a chain file that is not JSON is an {@link InputFileError}
 * naming its line and column (`x.chain.json:3:14: …`), not `JSON.parse`'s message alone.
 */
export async function loadChainFolder(directory: string): Promise<ChainDefinition[]> {
  try {
    return await loadChainFiles(directory);
  } catch (error) {
    if (!(error instanceof ChainFileError) || !(error.cause instanceof SyntaxError)) throw error;
    // The cause may be a bad pattern's SyntaxError too: only a file JSON.parse rejects is located.
    const text = await readFile(error.file, 'utf8').catch(() => undefined);
    if (text === undefined) throw error;
    try {
      JSON.parse(text);
    } catch (syntaxError) {
      throw InputFileError.fromJsonSyntax({
        path: error.file,
        text,
        error: syntaxError as Error,
      });
    }
    throw error;
  }
}
