import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chainDefinitionSchema, type ChainDefinition } from './chain-definition.js';
import { ChainFileError } from './chain-errors.js';
import { CHAIN_FILE_SUFFIX, chainFileName } from './chain-file-name.js';
import { checkChainDefinition } from './check-chain-definition.js';

/**
 * Reads every `<name>.chain.json` in a folder, sorted by name. A missing folder holds no chains.
 * The first bad file throws a {@link ChainFileError} naming it: a chain a developer edited wrongly
 * should be fixed, not silently skipped.
 */
export async function loadChainFiles(directory: string): Promise<ChainDefinition[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ChainFileError({ file: directory, cause: error });
  }
  const chains: ChainDefinition[] = [];
  for (const name of names.filter((each) => each.endsWith(CHAIN_FILE_SUFFIX)).sort()) {
    const file = join(directory, name);
    chains.push(parseChainFile(file, await readFile(file, 'utf8')));
  }
  return chains;
}

/** Parses and checks one chain file's text; `file` is for messages and the name check. */
export function parseChainFile(file: string, text: string): ChainDefinition {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ChainFileError({ file, cause: error });
  }
  const parsed = chainDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    throw new ChainFileError({
      file,
      issues: parsed.error.issues.map(
        (issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`,
      ),
      cause: parsed.error,
    });
  }
  const chain = parsed.data as unknown as ChainDefinition;
  const expected = chainFileName(chain.name);
  if (!file.endsWith(expected)) {
    throw new ChainFileError({
      file,
      issues: [`name: the chain is named \`${chain.name}\`, so its file must be ${expected}`],
    });
  }
  try {
    checkChainDefinition(chain);
  } catch (error) {
    throw new ChainFileError({ file, issues: [(error as Error).message], cause: error });
  }
  return chain;
}
