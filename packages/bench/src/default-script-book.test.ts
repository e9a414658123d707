import { afterEach, describe, expect, it } from 'vitest';
import { BFCL_DIR_VARIABLE } from './scenarios/bfcl-data.js';
import { defaultScriptBook } from './default-script-book.js';

const saved = process.env[BFCL_DIR_VARIABLE];
afterEach(() => {
  if (saved === undefined) delete process.env[BFCL_DIR_VARIABLE];
  else process.env[BFCL_DIR_VARIABLE] = saved;
});

describe('defaultScriptBook', () => {
  it('by default holds the bench scenarios that read no data files, and reads none', async () => {
    // Were the BFCL files read, this would throw: the default book must not need them.
    process.env[BFCL_DIR_VARIABLE] = '/nonexistent/toolplan-bfcl';
    const book = await defaultScriptBook({ speed: 1, seed: 1 });
    const names = book.scenarios.map((script) => script.name);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => name.startsWith('bfcl'))).toEqual([]);
    expect(names).toContain('weather/main');
  });
});
