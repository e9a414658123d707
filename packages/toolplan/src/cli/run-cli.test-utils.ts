import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

/** The query of the CLI tests' two-city script (`osloRomeScript`). */
export const OSLO_ROME_QUERY = 'How warm are Oslo and Rome, and which is warmer?';

/** A script that plans `get_temp` over Oslo and Rome and answers from the template. */
export const osloRomeScript = {
  name: 'run-test',
  query: OSLO_ROME_QUERY,
  plan: {
    steps: [{ id: 't', tool: 'get_temp', forEach: ['Oslo', 'Rome'], args: { city: '$item' } }],
    answer: 'Oslo ${t[0].temp}°C, Rome ${t[1].temp}°C.',
  },
};

/**
 * Writes the CLI tests' tool module (`tools.mjs`: a read-only `get_temp`, Oslo 4 °C and Rome
 * 18 °C) and a script book of `scenarios` (`scripts.json`) into `directory`; returns their paths.
 */
export async function writeTempFixture(
  directory: string,
  scenarios: readonly object[],
): Promise<{ toolsPath: string; scriptsPath: string }> {
  const toolsPath = join(directory, 'tools.mjs');
  const scriptsPath = join(directory, 'scripts.json');
  await writeFile(
    toolsPath,
    `export default {
      get_temp: {
        description: 'Temperature of a city (°C)',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        annotations: { readOnlyHint: true },
        trustAnnotations: true,
        execute: async ({ city }) => ({ city, temp: { Oslo: 4, Rome: 18 }[city] }),
      },
    };`,
  );
  await writeFile(scriptsPath, JSON.stringify({ scenarios }));
  return { toolsPath, scriptsPath };
}
