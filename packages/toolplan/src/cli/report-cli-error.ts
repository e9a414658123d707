import { CommanderError } from 'commander';
import { ToolplanError } from '../plan/index.js';
import { EXIT } from './exit-codes.js';

// Causes are printed this deep at most: a cycle of causes must not print forever.
const MAX_CAUSES = 8;

/**
 * Tells a person what went wrong with a command, on stderr, and returns the exit code. Expected
 * errors — a usage error, any ToolplanError, a file the system could not open — are one line
 * (`error: …`), with the stack and causes only under `--verbose`; anything else is a bug in
 * toolplan, printed whole so that it can be reported.
 */
export function reportCliError(options: {
  error: unknown;
  stderr: (text: string) => void;
  verbose: boolean;
}): number {
  const { error, stderr, verbose } = options;
  // Commander has printed its message (and the hint to `--help`) already.
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
  if (isExpected(error)) {
    stderr(`error: ${error.message}`);
    const hint = (error as { hint?: unknown }).hint;
    if (typeof hint === 'string' && hint !== '') stderr(`hint: ${hint}`);
    if (verbose) stderr(describeWithCauses(error));
    return EXIT.invalidInput;
  }
  stderr('error: an unexpected error, which is a bug in toolplan; please report it with this:');
  stderr(describeWithCauses(error));
  return EXIT.internalError;
}

function isExpected(error: unknown): error is Error {
  return ToolplanError.isInstance(error) || isSystemError(error);
}

/** An error of the operating system (a file that cannot be written, a port in use). */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string' &&
    /^E[A-Z]+$/.test(String((error as NodeJS.ErrnoException).code))
  );
}

function describeWithCauses(error: unknown): string {
  const parts = [describe(error)];
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < MAX_CAUSES; depth += 1) {
    parts.push(`caused by: ${describe(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return parts.join('\n');
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
