import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { McpStdioSource } from './mcp-source.js';

// `@modelcontextprotocol/server-everything` from the npm registry (a devDependency): the MCP
// reference server, written by nobody here, started from node_modules as a user would.
const require = createRequire(import.meta.url);

/** The server's bin (`mcp-server-everything`); its first argument selects the transport. */
export const EVERYTHING_BIN =
  require.resolve('@modelcontextprotocol/server-everything/dist/index.js');

/** The everything server over stdio, its log (stderr) dropped. */
export function everythingServer(): McpStdioSource {
  return { command: process.execPath, args: [EVERYTHING_BIN, 'stdio'], stderr: 'ignore' };
}

/**
 * The processes started under this one (children, grandchildren…), but `ps` itself: after a
 * test, none may be left.
 */
export async function descendantProcesses(): Promise<string[]> {
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'pid=,ppid=,args=']);
  const rows = stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args: args ?? '' }));
  const found = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows) {
      if (found.has(row.ppid) && !found.has(row.pid)) {
        found.add(row.pid);
        grew = true;
      }
    }
  }
  return rows
    .filter((row) => row.pid !== process.pid && found.has(row.pid))
    .map((row) => row.args)
    .filter((args) => !args.startsWith('ps -eo'));
}
