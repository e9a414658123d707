/** Where a `--traces` value points: a PostgreSQL database (a URL) or a SQLite file (a path). */
export type TraceStoreTarget = { url: string } | { path: string };

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** True for a `postgres://` or `postgresql://` URL, the only URLs a trace store takes. */
export function isPostgresUrl(value: string): boolean {
  return POSTGRES_URL.test(value);
}

/**
 * Reads a `--traces` value: a `postgres://` or `postgresql://` URL picks the PostgreSQL store,
 * anything else is a SQLite path (a file named `postgres:x` stays a file: only `://` makes a URL).
 */
export function traceStoreTarget(value: string): TraceStoreTarget {
  return isPostgresUrl(value) ? { url: value } : { path: value };
}
