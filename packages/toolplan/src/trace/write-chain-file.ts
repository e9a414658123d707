import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chainDefinitionSchema, type ChainDefinition } from './chain-definition.js';
import { ChainFileError } from './chain-errors.js';
import { chainFileName } from './chain-file-name.js';

/**
 * Writes a chain to `<directory>/<name>.chain.json` (creating the folder), pretty-printed so a
 * developer can review and edit it, and returns the file's path. A chain that does not fit the
 * format is refused before anything is written.
 */
export async function writeChainFile(directory: string, chain: ChainDefinition): Promise<string> {
  const file = join(directory, chainFileName(chain.name));
  const parsed = chainDefinitionSchema.safeParse(chain);
  if (!parsed.success) {
    throw new ChainFileError({
      file,
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      cause: parsed.error,
    });
  }
  await mkdir(directory, { recursive: true });
  await writeFile(file, `${JSON.stringify(chain, null, 2)}\n`, 'utf8');
  return file;
}
