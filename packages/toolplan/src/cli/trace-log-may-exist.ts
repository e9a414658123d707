import { existsSync } from 'node:fs';
import { isPostgresUrl } from '../trace/index.js';

/**
 * Whether a `--traces` value may hold runs, asked before opening it so that reading never creates
 * a SQLite file where there was none (a typo in the path). A database URL is always tried: only
 * connecting can tell, and its errors say more than "no trace log".
 */
export function traceLogMayExist(traces: string): boolean {
  return isPostgresUrl(traces) || existsSync(traces);
}
