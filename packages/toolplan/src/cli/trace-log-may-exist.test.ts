import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { traceLogMayExist } from './trace-log-may-exist.js';

it('is true for a database URL and an existing file, false for a missing file', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'toolplan-trace-log-'));
  try {
    const file = join(directory, 'traces.sqlite');
    expect(traceLogMayExist(file)).toBe(false);
    await writeFile(file, '');
    expect(traceLogMayExist(file)).toBe(true);
    expect(traceLogMayExist('postgres://u@127.0.0.1:1/none')).toBe(true);
    expect(traceLogMayExist(join(directory, 'postgres:x'))).toBe(false);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});
