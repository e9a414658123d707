import { createProgram } from './create-program.js';

/**
 * Runs `toolplan ARGS…` in-process, as the CLI would: what it printed on stdout and stderr and the
 * exit code it set. Commander's own exits (a bad flag, of the program or of any subcommand) throw
 * instead of ending the test process, quietly.
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
  program.exitOverride();
  for (const command of [
    ...program.commands,
    ...program.commands.flatMap((each) => each.commands),
  ]) {
    command.exitOverride().configureOutput({ writeErr: (text) => stderr.push(text) });
  }
  await program.parseAsync(['node', 'toolplan', ...args]);
  return { stdout: stdout.join('\n'), stderr: stderr.join('\n'), exitCode };
}
