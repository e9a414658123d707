import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { migrateTraceDatabase } from './trace-migrations.js';
import { TraceStoreError } from './trace-store-error.js';

/** Opens (creating folder and file when missing), sets WAL and the lock wait, and migrates. */
export function openTraceDatabase(path: string, busyTimeoutMs = 5000): Database.Database {
  try {
    const open = loadBetterSqlite3();
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new open(path);
    try {
      // Set before anything else: two processes creating the file at once contend from here on.
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a power loss may drop the last commits, a crash never corrupts.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrateTraceDatabase(db);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (cause) {
    if (cause instanceof TraceStoreError) throw cause;
    throw new TraceStoreError({
      message: `Cannot open the trace file \`${path}\`: ${(cause as Error).message}`,
      cause,
    });
  }
}

// Streams the rows the summary needs, grouped by run, without building whole runs.

const require = createRequire(import.meta.url);

/**
 * better-sqlite3 is a native module: loaded when a SQLite trace store is first opened, never
 * when toolplan is imported, so that a program without one neither pays its start-up nor needs
 * it installed.
 */
function loadBetterSqlite3(): typeof Database {
  try {
    return require('better-sqlite3') as typeof Database;
  } catch (cause) {
    throw new TraceStoreError({
      message:
        'A SQLite trace store needs the package better-sqlite3, which could not be loaded: install it with `npm install better-sqlite3` (or use createMemoryTraceStore).',
      cause,
    });
  }
}
