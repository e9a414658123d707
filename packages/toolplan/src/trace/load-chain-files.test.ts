import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChainDefinition } from './chain-definition.js';
import { ChainFileError } from './chain-errors.js';
import { loadChainFiles } from './load-chain-files.js';
import { writeChainFile } from './write-chain-file.js';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-chains-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const chain: ChainDefinition = {
  version: 1,
  name: 'weather',
  origin: 'mined',
  kept: false,
  params: { city: { type: 'string', entities: ['Boston', 'Paris'] } },
  match: { patterns: ['weather in (?<city>\\p{L}+)'] },
  plan: { steps: [{ id: 'w', tool: 'get_weather', args: { city: '$params.city' } }] },
  support: 12,
  coverage: 0.4,
  examples: ['weather in Boston'],
  queryArgs: [{ param: 'city', to: 'w.city' }],
};

describe('chain files', () => {
  it('round-trips a chain through its file', async () => {
    const file = await writeChainFile(join(directory, 'nested'), chain);
    expect(file).toBe(join(directory, 'nested', 'weather.chain.json'));
    expect(await loadChainFiles(join(directory, 'nested'))).toEqual([chain]);
  });

  it('reads a missing folder as no chains', async () => {
    expect(await loadChainFiles(join(directory, 'none'))).toEqual([]);
  });

  it('names the bad file and the format’s complaints', async () => {
    const file = join(directory, 'broken.chain.json');
    await writeFile(file, JSON.stringify({ ...chain, name: 'broken', kept: 'yes', version: 2 }));
    const error = await loadChainFiles(directory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChainFileError);
    expect(error).toMatchObject({ name: 'ChainFileError', file });
    expect((error as ChainFileError).issues.join('\n')).toMatch(/version[\s\S]*kept/);
    expect((error as Error).message).toContain(file);
  });

  it('reports a file that is not JSON, or whose plan uses an unknown parameter', async () => {
    await writeFile(join(directory, 'a.chain.json'), '{ nope');
    await expect(loadChainFiles(directory)).rejects.toThrow(/a\.chain\.json is not a valid chain/);
    await rm(join(directory, 'a.chain.json'));
    const bad = {
      ...chain,
      plan: { steps: [{ id: 'w', tool: 'x', args: { city: '$params.town' } }] },
    };
    await writeFile(join(directory, 'weather.chain.json'), JSON.stringify(bad));
    await expect(loadChainFiles(directory)).rejects.toThrow(/\$params\.town/);
  });

  it('refuses a file named differently from its chain', async () => {
    await writeFile(join(directory, 'other.chain.json'), JSON.stringify(chain));
    await expect(loadChainFiles(directory)).rejects.toThrow(/must be weather\.chain\.json/);
  });
});
