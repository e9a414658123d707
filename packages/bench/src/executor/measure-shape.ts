import { validatePlan, type PlanLimits } from 'toolplan/internal';
import { executePlan } from 'toolplan/internal';
import type { Tool, ToolRegistry } from 'toolplan/internal';
import { checkRunResult, checkValues } from './check-run.js';
import { collectAllGarbage, collectYoungGarbage } from './collect-garbage.js';
import { expectedDepths, type DagShape } from './dag-shape.js';
import type { CallCounter, NoopInput } from './noop-tool.js';
import { runBaseline } from './run-baseline.js';
import { sampleStats, type SampleStats } from './sample-stats.js';
import { shapeToPlan } from './shape-to-plan.js';

export interface ShapeFigures {
  shape: string;
  description: string;
  steps: number;
  /** The hand-written promise DAG calling the same `execute`. */
  baseline: SampleStats;
  /** `executePlan` on a plan validated beforehand: scheduling only. */
  toolplan: SampleStats;
  /** `validatePlan` alone. */
  validation: SampleStats;
  /** (toolplan − baseline) / steps at the medians, µs. */
  overheadUsPerStep: number;
}

type Measurement = 'baseline' | 'toolplan' | 'validation';
const MEASUREMENTS: readonly Measurement[] = ['baseline', 'toolplan', 'validation'];

/**
 * Times one shape: `warmup` untimed rounds, then `runs` timed rounds, each round running the
 * baseline, `executePlan` and `validatePlan` once (in an order that rotates from round to round,
 * so that none always runs right after another). Every run's values are checked. The heap is
 * fully collected once before the warm-up, and its young generation before every run.
 */
export async function measureShape(options: {
  shape: DagShape;
  tool: Tool<NoopInput, number>;
  registry: ToolRegistry;
  counter: CallCounter;
  limits: PlanLimits;
  runs: number;
  warmup: number;
}): Promise<ShapeFigures> {
  const { shape, tool, registry, counter, limits } = options;
  const steps = shape.inputs.length;
  const expected = expectedDepths(shape);
  const plan = shapeToPlan(shape);
  // Validated once, against the very registry passed as `tools`: executePlan then skips validation.
  const validated = validatePlan(plan, { tools: registry, limits });
  const executeOptions = { maxConcurrency: Infinity, limits };

  const timeOne = async (measurement: Measurement): Promise<number> => {
    counter.calls = 0;
    const label = `${shape.name} ${measurement}`;
    switch (measurement) {
      case 'baseline': {
        const started = performance.now();
        const values = await runBaseline(shape, tool);
        const elapsed = performance.now() - started;
        checkValues({ label, values, expected, counter });
        return elapsed;
      }
      case 'toolplan': {
        const started = performance.now();
        const result = await executePlan(validated, registry, executeOptions);
        const elapsed = performance.now() - started;
        checkRunResult({ label, result, expected, counter });
        if (result.plan !== validated.plan) {
          throw new Error(
            `${label}: executePlan validated the plan again; the figure would include validation.`,
          );
        }
        return elapsed;
      }
      case 'validation': {
        const started = performance.now();
        const again = validatePlan(plan, { tools: registry, limits });
        const elapsed = performance.now() - started;
        if (again.steps.length !== steps) {
          throw new Error(`${label}: ${again.steps.length} validated steps, expected ${steps}.`);
        }
        return elapsed;
      }
    }
  };

  const samples: Record<Measurement, number[]> = { baseline: [], toolplan: [], validation: [] };
  collectAllGarbage();
  for (let round = 0; round < options.warmup + options.runs; round += 1) {
    for (let offset = 0; offset < MEASUREMENTS.length; offset += 1) {
      const measurement = MEASUREMENTS[(round + offset) % MEASUREMENTS.length] as Measurement;
      collectYoungGarbage();
      const elapsed = await timeOne(measurement);
      if (round >= options.warmup) samples[measurement].push(elapsed);
    }
  }

  const baseline = sampleStats(samples.baseline, steps);
  const toolplan = sampleStats(samples.toolplan, steps);
  return {
    shape: shape.name,
    description: shape.description,
    steps,
    baseline,
    toolplan,
    validation: sampleStats(samples.validation, steps),
    overheadUsPerStep: ((toolplan.medianMs - baseline.medianMs) * 1000) / steps,
  };
}
