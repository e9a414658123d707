import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { stringify } from 'safe-stable-stringify';
import {
  createToolRegistry,
  toTool,
  type ToolExecutionContext,
  type ToolRegistry,
} from 'toolplan/internal';
import type {
  BenchCase,
  BenchScenario,
  OpenedScenario,
  ScenarioContext,
} from './bench-scenario.js';
import { bfclDataDirectory, loadBfclCases, type BfclFunction } from './bfcl-data.js';
import { chooseGoldCalls } from './bfcl-gold-calls.js';
import { bfclAnswerText, buildBfclScript } from './bfcl-script.js';
import { drawToolLatency, type ToolLatency } from './tool-latency.js';

export { BfclDataError, BFCL_DIR_VARIABLE } from './bfcl-data.js';

/**
 * The latency of every BFCL function. An estimate, not a measurement: BFCL's functions are
 * mostly lookups and computations behind web APIs (weather, stocks, sports results, maps,
 * calculators, databases). A median of 150 ms with a 95th percentile of 450 ms is a typical
 * round trip to such a JSON API over the internet, with the usual long tail.
 */
export const BFCL_TOOL_LATENCY: ToolLatency = {
  p50Ms: 150,
  p95Ms: 450,
  source:
    'Estimate (not measured): BFCL functions are mostly lookups and computations behind web APIs; p50 150 ms / p95 450 ms is a typical internet round trip to a JSON API, with a tail of three times the median.',
};

/**
 * BFCL cases the scenario leaves out, with why. Each is a contradiction in BFCL's own data (an
 * accepted value that fails the function's schema in the same case, see `INCONSISTENT` in
 * src/tools/bfcl.test.ts) for which no other accepted value fits, or a case whose accepted calls
 * repeat one call. The scenario computes its exclusions from the data; its test checks that they
 * are exactly these.
 */
export const BFCL_EXCLUDED: ReadonlyArray<{ id: string; reason: string }> = [
  {
    id: 'parallel_158',
    reason:
      'Two samples from each of two normal distributions: the accepted calls repeat `random.normalvariate` with {mu: 5, sigma: 2} and with {mu: 10, sigma: 3}. The tools here are deterministic and read-only, so the runtime rightly shares identical calls, and how many calls a correct run makes is not defined.',
  },
  {
    id: 'parallel_multiple_21',
    reason:
      "`linear_regression_fit` accepts only Python expressions written as strings (`data['sales']`, `data['future_sales']`) for `x` and `y`, which its schema declares as arrays of numbers.",
  },
  {
    id: 'parallel_multiple_94',
    reason:
      '`sort_list` accepts only lists of fruit names for `elements`, which its schema declares as an array of integers.',
  },
];

/** One left-out case and the reason, as computed from the data. */
export interface BfclExclusion {
  id: string;
  reason: string;
}

export interface BfclOpenedScenario extends OpenedScenario {
  /** The cases left out (not in `cases`), in data order, with the reason for each. */
  excluded: readonly BfclExclusion[];
}

/**
 * The deterministic result of a BFCL function: its name and a short hash of the canonical
 * arguments. Its meaning is nil; the point is that every strategy gets the same value for the
 * same call, and a wrong argument gives a different answer.
 */
export function bfclResult(tool: string, args: unknown): { result: string } {
  const hash = createHash('sha256')
    .update(`${tool}\n${stringify(args) ?? ''}`)
    .digest('hex');
  return { result: `${tool} #${hash.slice(0, 4)}` };
}

/** A BFCL function as a read-only tool that returns `bfclResult` after `BFCL_TOOL_LATENCY`. */
export function bfclTool(fn: BfclFunction, context: ScenarioContext) {
  return toTool({
    name: fn.name,
    description: fn.description,
    parameters: fn.parameters,
    readOnly: true,
    idempotent: true,
    async execute(input: unknown, { signal }: ToolExecutionContext) {
      const ms = drawToolLatency({
        latency: BFCL_TOOL_LATENCY,
        seed: context.seed,
        tool: fn.name,
        args: input,
      });
      await delay(ms / context.speed, undefined, { signal });
      return bfclResult(fn.name, input);
    },
  });
}

/**
 * **bfcl** — the 400 cases of the Berkeley Function Calling Leaderboard's `parallel` and
 * `parallel_multiple` sets (`data/bfcl`, or `TOOLPLAN_BFCL_DIR`). Each case offers its own
 * functions (JSON Schema, BFCL's `dict` dialect) and asks for 2–8 independent calls. The
 * accepted calls (see {@link chooseGoldCalls}) form the scripted tool loop and the scripted plan;
 * the tools return {@link bfclResult} after a latency from {@link BFCL_TOOL_LATENCY}, and a run
 * is right when it makes exactly those calls and answers with every result.
 */
export const bfclScenario = {
  name: 'bfcl',
  description:
    'BFCL v4 parallel + parallel_multiple: 2–8 independent calls of 1–4 functions per query, graded on the calls made',
  readsDataFiles: true,
  async open(context: ScenarioContext): Promise<BfclOpenedScenario> {
    const data = await loadBfclCases(bfclDataDirectory());
    const cases: BenchCase[] = [];
    const excluded: BfclExclusion[] = [];
    const tools = new Map<string, ToolRegistry>();
    for (const bfclCase of data) {
      const registry = createToolRegistry(bfclCase.functions.map((fn) => bfclTool(fn, context)));
      const choice = chooseGoldCalls(registry, bfclCase.groundTruth);
      if (!choice.ok) {
        excluded.push({ id: bfclCase.id, reason: choice.reason });
        continue;
      }
      const { loop, plan, joinAnswer } = buildBfclScript(choice.calls);
      tools.set(bfclCase.id, registry);
      cases.push({
        id: bfclCase.id,
        query: bfclCase.query,
        script: {
          name: `bfcl/${bfclCase.id}`,
          query: bfclCase.query,
          loop,
          plan: { ...plan },
          joinAnswer,
        },
        expectedAnswer: bfclAnswerText(
          choice.calls.map((call) => bfclResult(call.tool, call.args).result),
        ),
        expectedCalls: choice.calls,
      });
    }
    return {
      cases,
      excluded,
      toolsFor(benchCase) {
        const registry = tools.get(benchCase.id);
        if (registry === undefined) {
          throw new TypeError(`The bfcl scenario has no case \`${benchCase.id}\`.`);
        }
        return registry;
      },
      close() {},
    };
  },
} satisfies BenchScenario;
