import { parseArgs } from 'node:util';
import type { NoopReturn } from './noop-tool.js';

export interface BenchArgs {
  /** Write the figures as JSON here too. */
  json: string | undefined;
  /** Timed runs per measurement; the median is reported. */
  runs: number;
  /** Untimed runs per measurement first, so the JIT has settled. */
  warmup: number;
  /** Only these shapes (all when empty). */
  shapes: string[];
  returns: NoopReturn;
}

export const USAGE =
  'usage: run-executor-benchmark [--json FILE] [--runs N] [--warmup N] [--shape NAME]… [--returns sync|promise]';

/** Parses the benchmark's command line; throws a `TypeError` naming the bad option. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'string' },
      runs: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '5' },
      shape: { type: 'string', multiple: true, default: [] },
      returns: { type: 'string', default: 'sync' },
    },
    strict: true,
    allowPositionals: false,
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(runs) || runs < 1)
    throw new TypeError(`Expected \`--runs\` to be a positive integer, got \`${values.runs}\``);
  if (!Number.isInteger(warmup) || warmup < 0)
    throw new TypeError(`Expected \`--warmup\` to be an integer ≥ 0, got \`${values.warmup}\``);
  if (values.returns !== 'sync' && values.returns !== 'promise')
    throw new TypeError(`Expected \`--returns\` to be sync or promise, got \`${values.returns}\``);
  return { json: values.json, runs, warmup, shapes: values.shape, returns: values.returns };
}
