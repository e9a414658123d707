import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainFileError } from '../trace/index.js';
import { InputFileError } from './input-file-error.js';
import { loadChainFolder } from './load-chain-folder.js';

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-chain-folder-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const chain = (pattern: string) =>
  JSON.stringify({
    version: 1,
    name: 'temps',
    origin: 'code',
    kept: true,
    params: { cities: { type: 'string[]', entities: ['Oslo'] } },
    match: { patterns: [pattern] },
    plan: { steps: [{ id: 't', tool: 'get_temp', args: { city: '$params.cities' } }] },
  });

describe('loadChainFolder', () => {
  it('locates a JSON syntax error in a chain file', async () => {
    const folder = await mkdtemp(join(directory, 'syntax-'));
    await writeFile(join(folder, 'temps.chain.json'), '{\n  "version": 1,\n  "name": temps\n}');
    const error = await loadChainFolder(folder).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputFileError);
    expect(error).toMatchObject({ line: 3, column: 11 });
    expect((error as Error).message).toBe(
      `${join(folder, 'temps.chain.json')}:3:11: unexpected word 'temps' (text in JSON needs double quotes)`,
    );
  });

  it("keeps the chain's own error when its JSON is fine (a bad pattern is a SyntaxError too)", async () => {
    const folder = await mkdtemp(join(directory, 'pattern-'));
    await writeFile(join(folder, 'temps.chain.json'), chain('how warm is (?<cities>.+'));
    const error = await loadChainFolder(folder).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChainFileError);
    expect((error as Error).message).toMatch(/is not a valid chain/);
  });
});
