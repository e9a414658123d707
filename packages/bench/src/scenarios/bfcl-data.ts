import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ScenarioDataError } from './scenario-data-error.js';

/**
 * Where the BFCL data lives: `data/bfcl/` in this repository (and package), copied there with its
 * licence. Resolved from this module, which sits at the same depth in `src/` (tests) and in `dist/`
 * (the built package): `src/bench/scenarios/` → `../../../data/`.
 */
export const DEFAULT_BFCL_DIR = new URL('../../../../data/bfcl/', import.meta.url);

/** The environment variable that points the scenario at another copy of the data. */
export const BFCL_DIR_VARIABLE = 'TOOLPLAN_BFCL_DIR';

/** The BFCL data files, each paired with its answers. */
export const BFCL_FILES = ['BFCL_v4_parallel', 'BFCL_v4_parallel_multiple'] as const;

/** The BFCL data is missing or not in the expected shape (the bench then skips the scenario). */
export class BfclDataError extends ScenarioDataError {
  constructor(options: { message: string; path: string; cause?: unknown }) {
    super({ ...options, name: 'BfclDataError' });
  }
}

const functionSchema = z.object({
  name: z.string().min(1),
  description: z.string(),
  parameters: z.record(z.string(), z.unknown()),
});

const caseSchema = z.object({
  id: z.string().min(1),
  question: z.array(z.array(z.object({ role: z.string(), content: z.string() }))).min(1),
  function: z.array(functionSchema).min(1),
});

/** One accepted call: `{ "fn.name": { "arg": [accepted values…] } }`. */
const goldCallSchema = z
  .record(z.string(), z.record(z.string(), z.array(z.unknown())))
  .refine((call) => Object.keys(call).length === 1, 'must name exactly one function');

const answerSchema = z.object({
  id: z.string().min(1),
  ground_truth: z.array(goldCallSchema).min(1),
});

export type BfclFunction = z.infer<typeof functionSchema>;
export type BfclGoldCall = z.infer<typeof goldCallSchema>;

/** One BFCL case with its accepted calls. */
export interface BfclCase {
  id: string;
  /** The user's message. */
  query: string;
  functions: BfclFunction[];
  groundTruth: BfclGoldCall[];
}

/** The data directory: `TOOLPLAN_BFCL_DIR` when set (relative to the working directory), else the default. */
export function bfclDataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[BFCL_DIR_VARIABLE];
  if (override !== undefined && override.trim() !== '') return resolve(override);
  return fileURLToPath(DEFAULT_BFCL_DIR);
}

/** Reads every case of the BFCL files in `directory`, in file order. */
export async function loadBfclCases(directory: string = bfclDataDirectory()): Promise<BfclCase[]> {
  const isDirectory = await stat(directory).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isDirectory) {
    throw new BfclDataError({
      message: `The BFCL data directory ${directory} does not exist. The bfcl scenario reads the repository's \`data/bfcl/\`; restore it (\`git checkout -- data/bfcl\`), or set ${BFCL_DIR_VARIABLE} to a directory holding ${BFCL_FILES.map((file) => `${file}.json`).join(' and ')} with their *.answers.json.`,
      path: directory,
    });
  }
  const cases: BfclCase[] = [];
  for (const file of BFCL_FILES) {
    const questions = await readLines(directory, `${file}.json`, caseSchema);
    const answers = new Map(
      (await readLines(directory, `${file}.answers.json`, answerSchema)).map((answer) => [
        answer.id,
        answer,
      ]),
    );
    for (const question of questions) {
      const answer = answers.get(question.id);
      if (answer === undefined) {
        throw new BfclDataError({
          message: `BFCL case ${question.id} has no entry in ${file}.answers.json.`,
          path: resolve(directory, `${file}.answers.json`),
        });
      }
      const user = question.question[0]?.find((message) => message.role === 'user');
      if (user === undefined || user.content.trim() === '') {
        throw new BfclDataError({
          message: `BFCL case ${question.id} has no user message.`,
          path: resolve(directory, `${file}.json`),
        });
      }
      cases.push({
        id: question.id,
        query: user.content.trim(),
        functions: question.function,
        groundTruth: answer.ground_truth,
      });
    }
  }
  return cases;
}

async function readLines<T>(directory: string, file: string, schema: z.ZodType<T>): Promise<T[]> {
  const path = resolve(directory, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new BfclDataError({
      message: `Cannot read the BFCL file ${path}: ${(cause as Error).message}`,
      path,
      cause,
    });
  }
  const rows: T[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (cause) {
      throw new BfclDataError({
        message: `${path}:${index + 1} is not JSON: ${(cause as Error).message}`,
        path,
        cause,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BfclDataError({
        message: `${path}:${index + 1} is not a BFCL ${file.endsWith('.answers.json') ? 'answer' : 'case'}: ${issue === undefined ? 'invalid' : `${issue.path.join('.') || '(line)'}: ${issue.message}`}`,
        path,
      });
    }
    rows.push(parsed.data);
  });
  return rows;
}
