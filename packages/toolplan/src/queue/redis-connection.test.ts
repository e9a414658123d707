import { describe, expect, it } from 'vitest';
import { toRedisOptions } from './redis-connection.js';

describe('toRedisOptions', () => {
  it('fills in the defaults', () => {
    expect(toRedisOptions({})).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
    expect(toRedisOptions('redis://')).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
  });

  it('reads every part of a URL', () => {
    expect(toRedisOptions('rediss://me:p%40ss@cache.internal:6380/2')).toEqual({
      host: 'cache.internal',
      port: 6380,
      db: 2,
      username: 'me',
      password: 'p@ss',
      tls: {},
    });
    expect(toRedisOptions('redis://[::1]:7000')).toMatchObject({ host: '::1', port: 7000 });
  });

  it.each([
    ['http://localhost:6379', /redis:\/\/ URL/],
    ['not a url', /redis:\/\/ URL/],
    ['redis://h/x', /`connection.db`/],
    [{ port: 70_000 }, /`connection.port` to be a port number, got `70000`/],
    [{ db: -1 }, /`connection.db`/],
    [null, /Redis URL or/],
  ])('rejects %j', (connection, message) => {
    expect(() => toRedisOptions(connection as never)).toThrow(message);
  });
});
