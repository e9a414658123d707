#!/usr/bin/env node
import { createProgram } from './create-program.js';

const program = createProgram({
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  setExitCode: (code) => {
    process.exitCode = code;
  },
});

await program.parseAsync(process.argv);
