import { createProgram } from './create-program.js';

/**
 * Runs `toolplan ARGS…` in-process, as the CLI would: what it printed on stdout and stderr and the
 * exit code it set. Like the CLI, the program reports every error itself (commander's usage
 * errors included) and never ends the test process.
 */
export async function runCli(
  ...args: string[]
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let exitCode = 0;
  const program = createProgram({
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  await program.parseAsync(['node', 'toolplan', ...args]);
  return { stdout: stdout.join('\n'), stderr: stderr.join('\n'), exitCode };
}
