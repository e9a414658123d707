import { describe, expect, it } from 'vitest';
import { isPostgresUrl, traceStoreTarget } from './trace-store-target.js';

describe('traceStoreTarget', () => {
  it('reads postgres:// and postgresql:// URLs as a database, in any case', () => {
    expect(traceStoreTarget('postgres://u@127.0.0.1:5432/test')).toEqual({
      url: 'postgres://u@127.0.0.1:5432/test',
    });
    expect(traceStoreTarget('postgresql://db/x?sslmode=require')).toEqual({
      url: 'postgresql://db/x?sslmode=require',
    });
    expect(isPostgresUrl('POSTGRES://db/x')).toBe(true);
  });

  it('reads anything else as a SQLite path', () => {
    for (const path of [
      '.toolplan/traces.sqlite',
      '/tmp/postgres://x',
      'postgres:traces.sqlite',
      'mysql://db/x',
      'C:\\traces.sqlite',
    ]) {
      expect(traceStoreTarget(path)).toEqual({ path });
    }
  });
});
