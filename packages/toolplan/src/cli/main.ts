#!/usr/bin/env node
import { createProgram } from './create-program.js';
import { createProgressLine } from './progress-line.js';

const progress = createProgressLine(process.stderr);

// A reader that went away (`toolplan bench --help | head`) is not an error of ours: stop quietly
// rather than die of an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const program = createProgram({
  stdout: (text) => {
    progress.clear();
    process.stdout.write(`${text}\n`);
  },
  stderr: (text) => {
    progress.clear();
    process.stderr.write(`${text}\n`);
  },
  setExitCode: (code) => {
    process.exitCode = code;
  },
  progress: (text, kind) => progress.update(text, kind),
});

// Errors are reported by the program itself (see `reportCliError`), with the exit code they mean.
await program.parseAsync(process.argv);
progress.clear();
