import type Database from 'better-sqlite3';
import { TraceStoreError } from './trace-store-error.js';

/** One schema change. Applied once, in order, in its own transaction; never edited once shipped. */
export type TraceMigration = (db: Database.Database) => void;

/**
 * The trace log's schema, version by version (`PRAGMA user_version` is the number applied). Append
 * only: a file written by any earlier version upgrades by running the ones it has not seen.
 */
export const TRACE_MIGRATIONS: readonly TraceMigration[] = [
  // 1: runs and their tool calls, indexed for the questions the miner and `toolplan traces` ask.
  (db) => {
    db.exec(`
      CREATE TABLE runs (
        run_id TEXT PRIMARY KEY,
        strategy TEXT NOT NULL,
        query TEXT NOT NULL,
        started_at TEXT NOT NULL,
        wall_ms REAL NOT NULL,
        status TEXT NOT NULL,
        answer TEXT,
        plans_json TEXT,
        llm_calls INTEGER,
        input_tokens INTEGER,
        cached_input_tokens INTEGER,
        output_tokens INTEGER
      );
      CREATE TABLE tool_calls (
        run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        step_id TEXT NOT NULL,
        tool TEXT NOT NULL,
        args_json TEXT NOT NULL,
        status TEXT NOT NULL,
        start_ms REAL NOT NULL,
        end_ms REAL NOT NULL,
        attempts INTEGER NOT NULL,
        result_summary TEXT,
        error TEXT,
        PRIMARY KEY (run_id, seq)
      );
      CREATE INDEX tool_calls_tool ON tool_calls (tool);
      CREATE INDEX runs_query ON runs (query);
      CREATE INDEX runs_started_at ON runs (started_at);
    `);
  },
  // 2: a run that threw keeps why; listing by strategy stays an index scan.
  (db) => {
    db.exec(`
      ALTER TABLE runs ADD COLUMN error TEXT;
      CREATE INDEX runs_strategy_started_at ON runs (strategy, started_at);
    `);
  },
  // 3: what predictive execution did in the run (issue #9), as JSON: counts only, read whole.
  (db) => {
    db.exec('ALTER TABLE runs ADD COLUMN speculation_json TEXT;');
  },
];

/**
 * Brings the file up to `migrations.length`. Each step runs in an IMMEDIATE transaction that
 * re-reads the version first, so two processes opening a new file at once apply it once.
 */
export function migrateTraceDatabase(
  db: Database.Database,
  migrations: readonly TraceMigration[] = TRACE_MIGRATIONS,
): number {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() > migrations.length) {
    throw new TraceStoreError({
      message: `The trace file \`${db.name}\` has schema version ${version()}, newer than this toolplan knows (${migrations.length}); upgrade toolplan or use another file.`,
    });
  }
  for (let index = 0; index < migrations.length; index += 1) {
    if (version() > index) continue;
    db.transaction(() => {
      if (version() !== index) return;
      (migrations[index] as TraceMigration)(db);
      db.pragma(`user_version = ${index + 1}`);
    }).immediate();
  }
  return version();
}
