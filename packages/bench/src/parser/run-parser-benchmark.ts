import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { createSeededRandom, deriveSeed } from '@toolplan/simulator';
import { formatTable } from '../executor/format-table.js';
import { checkStreamParse } from './check-stream-parse.js';
import { makePlanText } from './make-plan-text.js';
import { measureReparseBaseline, type BaselineFigures } from './measure-reparse-baseline.js';
import { measureStreamParser, type StreamFigures } from './measure-stream-parser.js';
import { parseParserBenchArgs, USAGE, type ParserBenchArgs } from './parse-parser-bench-args.js';
import { splitIntoChunks } from './split-into-chunks.js';
import { runBenchmarkEntry } from '../run-benchmark-entry.js';

// The streaming plan parser benchmark (issue 5): `npm run bench:parser [-- --json FILE]`. Not a
// test. Plans of 1 KB to 1 MB, delivered in UTF-8 pieces of 1–8 bytes; createPlanStreamParser
// beside the re-parse-per-chunk baseline, in the same run.

const SIZES = [1, 4, 16, 64, 256, 1024].map((kib) => kib * 1024);
const MAX_CHUNK_BYTES = 8;
/** The target throughput, 10^6 bytes per second. */
const TARGET_MB_PER_SECOND = 20;
/**
 * Time per byte counts as flat (linear time) when its largest value is at most this multiple of
 * its smallest over the 1024× range of sizes; quadratic time would multiply it by about 1000. Some
 * growth is expected and is not the parser's algorithm: a larger plan's values (the steps, and
 * the whole plan end() returns) outlive more young-generation collections, which copy them.
 */
const FLAT_RATIO = 2;

interface SizeFigures {
  targetBytes: number;
  bytes: number;
  steps: number;
  chunks: number;
  stream: StreamFigures;
  baseline: BaselineFigures | { skipped: 'quadratic'; predictedMs: number };
  problems: string[];
}

async function main(args: ParserBenchArgs): Promise<void> {
  const environment = {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    platform: `${process.platform} ${process.arch}`,
  };
  console.log(
    `toolplan streaming plan parser benchmark — Node ${environment.node}, ${environment.cpu} (${environment.cores} cores), ${environment.platform}`,
  );
  console.log(
    `Plans of ${SIZES.map(formatBytes).join(', ')}, delivered as UTF-8 pieces of 1–${MAX_CHUNK_BYTES} bytes (seed ${args.seed}), each decoded as it arrives; ` +
      `streaming: median of ${args.runs} batches; baseline skipped where predicted over ${(args.baselineBudgetMs / 1000).toFixed(1)} s.`,
  );

  const figures: SizeFigures[] = [];
  let lastBaseline: { bytes: number; ms: number } | undefined;
  for (const targetBytes of SIZES) {
    const text = makePlanText(
      targetBytes,
      createSeededRandom(deriveSeed(args.seed, 'plan', targetBytes)),
    );
    const chunks = splitIntoChunks(
      text,
      MAX_CHUNK_BYTES,
      createSeededRandom(deriveSeed(args.seed, 'chunks', targetBytes)),
    );
    const bytes = Buffer.byteLength(text);
    const steps = (JSON.parse(text) as { steps: unknown[] }).steps.length;
    const problems = checkStreamParse(text, chunks);
    const stream = measureStreamParser({
      chunks,
      bytes,
      batches: args.runs,
      warmupBatches: 2,
      minBatchBytes: 4 * 1024 * 1024,
    });
    let baseline: SizeFigures['baseline'];
    const predictedMs =
      lastBaseline === undefined ? 0 : lastBaseline.ms * (bytes / lastBaseline.bytes) ** 2;
    if (predictedMs > args.baselineBudgetMs) {
      baseline = { skipped: 'quadratic', predictedMs };
    } else {
      baseline = await measureReparseBaseline({ chunks, bytes, repeatBelowMs: 500, maxRuns: 5 });
      lastBaseline = { bytes, ms: baseline.medianMs };
      if (baseline.stepsSeen !== steps) {
        problems.push(`the baseline saw ${baseline.stepsSeen} of ${steps} steps`);
      }
    }
    figures.push({ targetBytes, bytes, steps, chunks: chunks.length, stream, baseline, problems });
  }

  console.log('');
  console.log(
    formatTable(
      [
        ['', '', '', '', 'createPlanStreamParser', '', '', '', 're-parse per chunk', '', ''],
        [
          'plan',
          'bytes',
          'steps',
          'chunks',
          'ns/byte',
          'MB/s',
          'end()',
          `≥ ${TARGET_MB_PER_SECOND} MB/s`,
          'ns/byte',
          'MB/s',
          'speed-up',
        ],
      ],
      figures.map((figure) => {
        const { stream, baseline } = figure;
        const measured = 'medianMs' in baseline ? baseline : undefined;
        return [
          formatBytes(figure.targetBytes),
          figure.bytes.toLocaleString('en-US'),
          figure.steps.toLocaleString('en-US'),
          figure.chunks.toLocaleString('en-US'),
          stream.nsPerByte.toFixed(1),
          stream.mbPerSecond.toFixed(1),
          `${((100 * stream.endMs) / stream.medianMs).toFixed(0)}%`,
          stream.mbPerSecond >= TARGET_MB_PER_SECOND ? 'yes' : 'NO',
          measured === undefined ? 'skipped (quadratic)' : measured.nsPerByte.toFixed(0),
          measured === undefined ? '' : measured.mbPerSecond.toFixed(3),
          measured === undefined ? '' : `${(measured.medianMs / stream.medianMs).toFixed(0)}×`,
        ];
      }),
    ),
  );
  console.log('');
  const nsPerByte = figures.map((figure) => figure.stream.nsPerByte);
  const ratio = Math.max(...nsPerByte) / Math.min(...nsPerByte);
  const flat = ratio <= FLAT_RATIO;
  const fast = figures.every((figure) => figure.stream.mbPerSecond >= TARGET_MB_PER_SECOND);
  console.log(
    `Time per byte, largest ÷ smallest over all sizes: ${ratio.toFixed(2)} (${flat ? 'flat' : 'NOT flat'}: target ≤ ${FLAT_RATIO}); ` +
      `1 MB ÷ 1 KB: ${((nsPerByte[nsPerByte.length - 1] as number) / (nsPerByte[0] as number)).toFixed(2)}.`,
  );
  console.log(
    fast
      ? `Every size meets the target of ≥ ${TARGET_MB_PER_SECOND} MB/s.`
      : `Missed the target of ≥ ${TARGET_MB_PER_SECOND} MB/s at ${figures
          .filter((figure) => figure.stream.mbPerSecond < TARGET_MB_PER_SECOND)
          .map((figure) => formatBytes(figure.targetBytes))
          .join(', ')}.`,
  );
  for (const figure of figures) {
    if ('skipped' in figure.baseline) {
      console.log(
        `${formatBytes(figure.targetBytes)}: baseline skipped, predicted ${(figure.baseline.predictedMs / 1000).toFixed(0)} s (time × size² from the last size run).`,
      );
    }
  }
  console.log(
    'ns/byte and MB/s (10^6 bytes/s) count UTF-8 bytes and cover every write() and end(); end() is the share spent in end(),',
  );
  console.log(
    "which runs parsePlanText on the whole text. Baseline: after each chunk, the AI SDK's parsePartialJson on the whole buffer.",
  );
  const problems = figures.flatMap((figure) =>
    figure.problems.map((problem) => `${formatBytes(figure.targetBytes)}: ${problem}`),
  );
  console.log(
    problems.length === 0
      ? 'Checked at every size: every step emitted before the text ended, each equal to JSON.parse(text).steps[i]; end() equal to JSON.parse(text).'
      : `CHECK FAILED:\n${problems.join('\n')}`,
  );
  if (problems.length > 0) process.exitCode = 1;

  if (args.json !== undefined) {
    const report = {
      benchmark: 'parser',
      date: new Date().toISOString(),
      environment,
      config: {
        sizes: SIZES,
        maxChunkBytes: MAX_CHUNK_BYTES,
        seed: args.seed,
        runs: args.runs,
        baselineBudgetMs: args.baselineBudgetMs,
      },
      targetMbPerSecond: TARGET_MB_PER_SECOND,
      nsPerByteRatio: ratio,
      flat,
      meetsThroughputTarget: fast,
      sizes: figures,
    };
    await writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Figures written to ${args.json}.`);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

await runBenchmarkEntry({ parse: parseParserBenchArgs, main, usage: USAGE });
