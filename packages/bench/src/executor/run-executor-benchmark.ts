import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { PlanLimits } from 'toolplan/internal';
import { createToolRegistry, defaultPlanLimits } from 'toolplan/internal';
import { canCollectGarbage } from './collect-garbage.js';
import {
  binaryTree,
  chain,
  diamondLattice,
  fanOut,
  independent,
  type DagShape,
} from './dag-shape.js';
import { formatTable } from './format-table.js';
import { measureShape, type ShapeFigures } from './measure-shape.js';
import { createNoopTool, type CallCounter } from './noop-tool.js';
import { parseBenchArgs, USAGE, type BenchArgs } from './parse-bench-args.js';
import { runBenchmarkEntry } from '../run-benchmark-entry.js';

// The executor benchmark (issue 2): `npm run bench:executor [-- --json FILE]`. Not a test.
// 10,000 no-op steps per DAG shape; for each, the hand-written promise DAG (baseline),
// `executePlan` on a pre-validated plan, and `validatePlan` alone.

const STEPS = 10_000;
/** The target: executor overhead over the baseline, per step, on a 2-core machine. */
const TARGET_US_PER_STEP = 10;

const SHAPES: readonly DagShape[] = [
  fanOut(STEPS),
  independent(STEPS),
  chain(STEPS),
  diamondLattice(100, 100),
  binaryTree(STEPS),
];

async function main(args: BenchArgs): Promise<void> {
  const shapes =
    args.shapes.length === 0 ? SHAPES : SHAPES.filter((shape) => args.shapes.includes(shape.name));
  const counter: CallCounter = { calls: 0 };
  const tool = createNoopTool(counter, args.returns);
  const registry = createToolRegistry([tool]);
  const limits: PlanLimits = {
    ...defaultPlanLimits,
    maxSteps: 2 * STEPS,
    maxForEachItems: 2 * STEPS,
    // A chain of 10,000 steps holds a reference per step, and a fan-in one per branch.
    maxReferences: 4 * STEPS,
  };
  const environment = {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    platform: `${process.platform} ${process.arch}`,
  };

  console.log(
    `toolplan executor benchmark — Node ${environment.node}, ${environment.cpu} (${environment.cores} cores), ${environment.platform}`,
  );
  console.log(
    `${STEPS.toLocaleString('en-US')} no-op steps per shape; median of ${args.runs} runs after ${args.warmup} warm-up runs; ` +
      `young-generation gc between runs: ${canCollectGarbage ? 'yes' : 'no (run node with --expose-gc)'}; tool returns ${args.returns === 'sync' ? 'a plain value' : 'Promise.resolve(value)'}; maxConcurrency: Infinity`,
  );

  const figures: ShapeFigures[] = [];
  for (const shape of shapes) {
    figures.push(
      await measureShape({
        shape,
        tool,
        registry,
        counter,
        limits,
        runs: args.runs,
        warmup: args.warmup,
      }),
    );
  }

  console.log('');
  console.log(
    formatTable(
      [
        [
          '',
          'baseline',
          '',
          'executePlan',
          '',
          'overhead',
          'validatePlan',
          `≤ ${TARGET_US_PER_STEP} µs`,
        ],
        ['shape', 'µs/step', 'steps/s', 'µs/step', 'steps/s', 'µs/step', 'µs/step', 'overhead'],
      ],
      figures.map((figure) => [
        figure.shape,
        fixed(figure.baseline.usPerStep),
        rate(figure.baseline.stepsPerSecond),
        fixed(figure.toolplan.usPerStep),
        rate(figure.toolplan.stepsPerSecond),
        fixed(figure.overheadUsPerStep),
        fixed(figure.validation.usPerStep),
        meetsTarget(figure) ? 'yes' : 'NO',
      ]),
    ),
  );
  console.log('');
  for (const figure of figures) {
    console.log(
      `${figure.shape}: ${figure.description}; medians ${ms(figure.baseline.medianMs)} baseline, ${ms(figure.toolplan.medianMs)} executePlan ` +
        `(min ${ms(figure.toolplan.minMs)}, max ${ms(figure.toolplan.maxMs)}), ${ms(figure.validation.medianMs)} validatePlan`,
    );
  }
  console.log('');
  console.log(
    'baseline: one promise per step awaiting its inputs, then the same execute. executePlan: a plan validated beforehand',
  );
  console.log(
    '(scheduling only). overhead = (executePlan − baseline) / steps. Validation is separate: executePlan on an',
  );
  console.log('unvalidated plan costs about executePlan + validatePlan.');
  const missed = figures.filter((figure) => !meetsTarget(figure));
  console.log(
    missed.length === 0
      ? `Every shape meets the target of ≤ ${TARGET_US_PER_STEP} µs overhead per step.`
      : `Missed the target of ≤ ${TARGET_US_PER_STEP} µs overhead per step: ${missed.map((figure) => figure.shape).join(', ')}.`,
  );

  if (args.json !== undefined) {
    const report = {
      benchmark: 'executor',
      date: new Date().toISOString(),
      environment,
      config: {
        steps: STEPS,
        runs: args.runs,
        warmup: args.warmup,
        gc: canCollectGarbage ? 'full before each shape, minor (scavenge) before each run' : 'none',
        toolReturns: args.returns,
        maxConcurrency: 'Infinity',
      },
      targetUsPerStep: TARGET_US_PER_STEP,
      shapes: figures.map((figure) => ({ ...figure, meetsTarget: meetsTarget(figure) })),
    };
    await writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Figures written to ${args.json}.`);
  }
}

function meetsTarget(figure: ShapeFigures): boolean {
  return figure.overheadUsPerStep <= TARGET_US_PER_STEP;
}

function fixed(value: number): string {
  return value.toFixed(2);
}

function rate(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(0)}k`;
  return value.toFixed(0);
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

await runBenchmarkEntry({
  parse(argv) {
    const args = parseBenchArgs(argv);
    const unknown = args.shapes.filter((name) => !SHAPES.some((shape) => shape.name === name));
    if (unknown.length > 0) {
      const names = SHAPES.map((shape) => shape.name).join(', ');
      throw new TypeError(`Unknown shape ${unknown.join(', ')}; the shapes are ${names}.`);
    }
    return args;
  },
  main,
  usage: USAGE,
});
