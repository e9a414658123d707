import { createProgram } from 'toolplan/internal';

/**
 * Runs `toolplan ARGS…` in-process, as the CLI would, with the bench's progress collected too:
 * what it printed on stdout and stderr, its progress lines, and the exit code it set.
 */
export async function runBenchCli(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const progress: string[] = [];
  let exitCode = 0;
  const program = createProgram({
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    progress: (text) => progress.push(text),
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  program.exitOverride();
  await program.parseAsync(['node', 'toolplan', ...args]);
  return { stdout: stdout.join('\n'), stderr: stderr.join('\n'), progress, exitCode };
}
