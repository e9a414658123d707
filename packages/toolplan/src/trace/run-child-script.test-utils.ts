import { spawn } from 'node:child_process';

/**
 * Runs a TypeScript file in a process of its own (`node --import tsx`), handing each line it
 * prints to `onLine` with a way to signal it (`SIGKILL` unless told), for the tests of writers in
 * other processes that kill them mid-write. Resolves with how it ended and what it printed on
 * stderr.
 */
export function runChildScript(options: {
  script: string;
  args: readonly string[];
  onLine?: (line: string, signal: (name?: NodeJS.Signals) => void) => void;
}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', options.script, ...options.args], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line, (name = 'SIGKILL') => child.kill(name));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}
