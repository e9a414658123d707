import { stringify } from 'safe-stable-stringify';
import { compileValue, formatReference } from '../plan/index.js';
import { CHAIN_NAME_PATTERN, type ChainDefinition, type ChainParam } from './chain-definition.js';
import { ChainOptionsError } from './chain-errors.js';
import { CHAIN_PARAMS_ID } from './chain-params-id.js';
import { generalizePlan, type GeneralizedPlan } from './generalize-plan.js';
import { learnSlotProfile } from './learn-slot-profile.js';
import type { TraceRun } from './trace-record.js';

export interface MineChainsOptions {
  /**
   * Fewest runs a plan shape needs to be proposed; rarer shapes are noise.
   * @default 3
   */
  minSupport?: number;
  /**
   * Stop proposing once the proposals cover this share of all runs (the most frequent first).
   * @default 0.8
   */
  coverageTarget?: number;
  /**
   * Example queries kept per proposal.
   * @default 3
   */
  maxExamples?: number;
}

export interface MinedChains {
  /** Chain templates, most frequent first, written `kept: false` for a developer to review. */
  proposals: ChainDefinition[];
  /** Runs mined (every run given). */
  totalRuns: number;
  /** Runs that are instances of a proposal. */
  coveredRuns: number;
  /** `coveredRuns / totalRuns` (0 for an empty log). */
  coverage: number;
}

interface Group {
  first: GeneralizedPlan;
  queries: string[];
  /** Every value seen in each parameter, strings and numbers. */
  values: Map<string, Array<string | number>>;
}

/**
 * Finds the frequent plan shapes in a trace log. Each successful planned run's query and plan are
 * generalised (see `generalizePlan`); runs with the same query shape and the same plan template
 * (tools, the arguments fed by which result fields, the arguments taken from the query) form a
 * group. Groups of at least `minSupport` runs become chain proposals, most frequent first, until
 * they cover `coverageTarget` of all runs. Loop runs, which carry no plan, are counted but not
 * mined.
 */
export function mineChains(
  runs: readonly TraceRun[],
  options: MineChainsOptions = {},
): MinedChains {
  const minSupport = options.minSupport ?? 3;
  if (!Number.isInteger(minSupport) || minSupport < 1) {
    throw new ChainOptionsError({
      option: 'minSupport',
      message: `Expected \`minSupport\` to be a positive integer, got \`${String(minSupport)}\``,
    });
  }
  const coverageTarget = options.coverageTarget ?? 0.8;
  if (typeof coverageTarget !== 'number' || !(coverageTarget > 0) || coverageTarget > 1) {
    throw new ChainOptionsError({
      option: 'coverageTarget',
      message: `Expected \`coverageTarget\` to be a number in (0, 1], got \`${String(coverageTarget)}\``,
    });
  }
  const maxExamples = options.maxExamples ?? 3;
  if (!Number.isInteger(maxExamples) || maxExamples < 0) {
    throw new ChainOptionsError({
      option: 'maxExamples',
      message: `Expected \`maxExamples\` to be a non-negative integer, got \`${String(maxExamples)}\``,
    });
  }

  const groups = new Map<string, Group>();
  for (const run of runs) {
    if (run.status !== 'ok' || run.plan === undefined) continue;
    const generalized = generalizePlan(run.query, run.plan);
    if (generalized === undefined) continue;
    const key = stringify([
      generalized.pattern,
      generalized.template,
      Object.entries(generalized.params).map(([name, { type }]) => [name, type]),
    ]);
    const group: Group = groups.get(key) ?? {
      first: generalized,
      queries: [],
      values: new Map<string, Array<string | number>>(),
    };
    group.queries.push(run.query);
    for (const [name, { value }] of Object.entries(generalized.params)) {
      const seen = group.values.get(name) ?? [];
      seen.push(...(Array.isArray(value) ? value : [value]));
      group.values.set(name, seen);
    }
    groups.set(key, group);
  }

  const totalRuns = runs.length;
  const ranked = [...groups.values()]
    .filter((group) => group.queries.length >= minSupport)
    .sort((a, b) => b.queries.length - a.queries.length);
  const proposals: ChainDefinition[] = [];
  const names = new Set<string>();
  let coveredRuns = 0;
  for (const group of ranked) {
    if (totalRuns > 0 && coveredRuns / totalRuns >= coverageTarget) break;
    coveredRuns += group.queries.length;
    proposals.push(toProposal(group, { totalRuns, names, maxExamples }));
  }
  return {
    proposals,
    totalRuns,
    coveredRuns,
    coverage: totalRuns === 0 ? 0 : coveredRuns / totalRuns,
  };
}

function toProposal(
  group: Group,
  context: { totalRuns: number; names: Set<string>; maxExamples: number },
): ChainDefinition {
  const { first } = group;
  const tools = first.template.steps.map((step) => step.tool);
  const name = uniqueName(tools, context.names);
  const params: Record<string, ChainParam> = {};
  for (const [param, { type }] of Object.entries(first.params)) {
    const values = group.values.get(param) ?? [];
    const entities = [
      ...new Set(values.filter((value): value is string => typeof value === 'string')),
    ].sort();
    // The slot's kind makes a near miss (`Paris tomorrow` where cities stood) miss the chain.
    const slot = learnSlotProfile(values);
    params[param] = {
      type,
      ...(type.startsWith('string') && entities.length > 0 ? { entities } : {}),
      ...(slot === undefined ? {} : { slot }),
    };
  }
  const support = group.queries.length;
  return {
    version: 1,
    name,
    description: `Mined from ${support} runs: ${tools.join(' → ')}`,
    origin: 'mined',
    kept: false,
    params,
    match: { patterns: [first.pattern] },
    plan: first.template,
    support,
    coverage: context.totalRuns === 0 ? 0 : support / context.totalRuns,
    examples: [...new Set(group.queries)].slice(0, context.maxExamples),
    dataFlow: dataFlowOf(first),
    queryArgs: first.queryArgs,
  };
}

/** Which result field fed which argument: the plan's references between steps. */
function dataFlowOf(generalized: GeneralizedPlan): Array<{ from: string; to: string }> {
  const flow: Array<{ from: string; to: string }> = [];
  for (const step of generalized.template.steps) {
    const places = [
      ...compileValue(step.args).references,
      ...compileValue(step.forEach ?? null, ['forEach']).references,
    ];
    for (const { reference, location } of places) {
      if ([CHAIN_PARAMS_ID, 'item', 'index'].includes(reference.root)) continue;
      flow.push({
        from: formatReference(reference.root, reference.path).slice(1),
        to: `${step.id}.${location.join('.')}`,
      });
    }
  }
  return flow;
}

function uniqueName(tools: readonly string[], names: Set<string>): string {
  const base =
    [...new Set(tools)]
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 90) || 'chain';
  let name = base;
  for (let suffix = 2; names.has(name) || !CHAIN_NAME_PATTERN.test(name); suffix += 1)
    name = `${base.slice(0, 90)}-${suffix}`;
  names.add(name);
  return name;
}
