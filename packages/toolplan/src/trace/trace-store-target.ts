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

/** A `--traces` value fit to print: a URL's password (any scheme's) replaced by `***`, a path as it is. */
export function redactTraceTarget(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/**
 * Takes the trace schema out of a database URL's `?schema=` (as Prisma's URLs carry it), so that
 * one `--traces` value says everything; the rest of the URL goes to the driver unchanged.
 */
export function splitPostgresSchema(url: string): { url: string; schema?: string } {
  const query = url.indexOf('?');
  if (query === -1) return { url };
  const params = new URLSearchParams(url.slice(query + 1));
  const schema = params.get('schema');
  if (schema === null) return { url };
  params.delete('schema');
  const rest = params.toString();
  return { url: url.slice(0, query) + (rest === '' ? '' : `?${rest}`), schema };
}
