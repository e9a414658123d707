import { InputFileError } from './input-file-error.js';
import { readInputFile } from './read-input-file.js';

/** A JSON file the CLI was given, parsed; a syntax error says where (`path:line:column`). */
export async function readJsonFile(path: string, kind: string): Promise<unknown> {
  const text = await readInputFile(path, kind);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw InputFileError.fromJsonSyntax({ path, text, error: error as Error });
  }
}
