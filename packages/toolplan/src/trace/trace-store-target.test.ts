import { describe, expect, it } from 'vitest';
import {
  isPostgresUrl,
  redactTraceTarget,
  splitPostgresSchema,
  traceStoreTarget,
} from './trace-store-target.js';

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

describe('redactTraceTarget', () => {
  it('hides a URL’s password and nothing else', () => {
    expect(redactTraceTarget('postgres://app:s3cr:et@db:5432/x')).toBe(
      'postgres://app:***@db:5432/x',
    );
    expect(redactTraceTarget('postgresql://app@db/x')).toBe('postgresql://app@db/x');
    expect(redactTraceTarget('traces/a:b@c.sqlite')).toBe('traces/a:b@c.sqlite');
    expect(redactTraceTarget('mysql://u:secret@db/x')).toBe('mysql://u:***@db/x');
  });
});

describe('splitPostgresSchema', () => {
  it('takes ?schema= out of the URL and keeps the other parameters', () => {
    expect(splitPostgresSchema('postgres://db/x?schema=traces')).toEqual({
      url: 'postgres://db/x',
      schema: 'traces',
    });
    expect(
      splitPostgresSchema('postgres://db/x?sslmode=require&schema=t&application_name=a'),
    ).toEqual({
      url: 'postgres://db/x?sslmode=require&application_name=a',
      schema: 't',
    });
  });

  it('leaves a URL without it as it is', () => {
    expect(splitPostgresSchema('postgres://db/x')).toEqual({ url: 'postgres://db/x' });
    expect(splitPostgresSchema('postgres://db/x?sslmode=require')).toEqual({
      url: 'postgres://db/x?sslmode=require',
    });
  });
});
