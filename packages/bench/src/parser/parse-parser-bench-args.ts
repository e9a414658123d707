import { parseArgs } from 'node:util';

export interface ParserBenchArgs {
  /** Write the figures as JSON here too. */
  json: string | undefined;
  /** Timed batches per size; the median is reported. */
  runs: number;
  /** Seed of the plans and of the chunk sizes. */
  seed: number;
  /** Run the re-parse baseline only at sizes predicted to finish within this (quadratic growth). */
  baselineBudgetMs: number;
}

export const USAGE =
  'usage: run-parser-benchmark [--json FILE] [--runs N] [--seed N] [--baseline-budget-ms N]';

/** Parses the benchmark's command line; throws a `TypeError` naming the bad option. */
export function parseParserBenchArgs(argv: readonly string[]): ParserBenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'string' },
      runs: { type: 'string', default: '9' },
      seed: { type: 'string', default: '5' },
      'baseline-budget-ms': { type: 'string', default: '4000' },
    },
    strict: true,
    allowPositionals: false,
  });
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const baselineBudgetMs = Number(values['baseline-budget-ms']);
  if (!Number.isInteger(runs) || runs < 1)
    throw new TypeError(`Expected \`--runs\` to be a positive integer, got \`${values.runs}\``);
  if (!Number.isInteger(seed) || seed < 0)
    throw new TypeError(`Expected \`--seed\` to be an integer ≥ 0, got \`${values.seed}\``);
  if (!Number.isFinite(baselineBudgetMs) || baselineBudgetMs < 0)
    throw new TypeError(
      `Expected \`--baseline-budget-ms\` to be a number ≥ 0, got \`${values['baseline-budget-ms']}\``,
    );
  return { json: values.json, runs, seed, baselineBudgetMs };
}
