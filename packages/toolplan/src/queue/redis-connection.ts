/**
 * Where the Redis server is: a URL (`redis://user:password@host:6379/0`, `rediss://` for TLS) or
 * its parts. toolplan opens its own connections from it (BullMQ needs several: a blocking one per
 * worker, one for events, one for cancellations).
 */
export type RedisConnection = string | RedisConnectionOptions;

export interface RedisConnectionOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 6379 */
  port?: number;
  /** @default 0 */
  db?: number;
  username?: string;
  password?: string;
  /** Connect over TLS. @default false */
  tls?: boolean;
}

/** The options ioredis and BullMQ are given, built from a {@link RedisConnection}. */
export interface ResolvedRedisOptions {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: Record<string, never>;
}

/** Reads a {@link RedisConnection}; throws a `TypeError` naming what is wrong. */
export function toRedisOptions(connection: RedisConnection): ResolvedRedisOptions {
  if (typeof connection === 'string') return fromUrl(connection);
  if (typeof connection !== 'object' || connection === null) {
    throw new TypeError(
      `Expected \`connection\` to be a Redis URL or { host, port, … }, got \`${String(connection)}\``,
    );
  }
  const { host = '127.0.0.1', port = 6379, db = 0, username, password, tls } = connection;
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    throw new TypeError(`Expected \`connection.port\` to be a port number, got \`${port}\``);
  }
  if (!Number.isInteger(db) || db < 0) {
    throw new TypeError(`Expected \`connection.db\` to be a non-negative integer, got \`${db}\``);
  }
  return {
    host,
    port,
    db,
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
    ...(tls === true ? { tls: {} } : {}),
  };
}

function fromUrl(text: string): ResolvedRedisOptions {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`Expected \`connection\` to be a redis:// URL, got \`${text}\``);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new TypeError(`Expected \`connection\` to be a redis:// URL, got \`${text}\``);
  }
  const path = url.pathname.replace(/^\//, '');
  return toRedisOptions({
    host: url.hostname === '' ? '127.0.0.1' : url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? 6379 : Number(url.port),
    db: path === '' ? 0 : Number(path),
    ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
    tls: url.protocol === 'rediss:',
  });
}
