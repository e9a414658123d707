import { z } from 'zod';
import {
  PlanValidationError,
  validatePlan,
  type PathSegment,
  type PlanIssue,
  type ValidatedPlan,
} from '../plan/index.js';
import { createToolRegistry, type ToolRegistry, type ToolSource } from '../tools/index.js';
import type { ChainDefinition, ChainParamType } from './chain-definition.js';
import { ChainNotReviewedError, ChainParamsError, ChainStaleError } from './chain-errors.js';
import { CHAIN_PARAMS_ID } from './chain-params-id.js';
import type { Chain } from './define-chain.js';
import { schemaTypesAt } from './schema-types-at.js';

/** A chain checked against the tools it will run with. */
export interface CompiledChain {
  readonly chain: Chain | ChainDefinition;
  /** The plan template, validated with `params` as an existing result. */
  readonly plan: ValidatedPlan;
  readonly tools: ToolRegistry;
  /**
   * Checks parameters against their declared types and returns them; throws
   * {@link ChainParamsError}. Run the plan with them as the result `params`.
   */
  checkParams(params: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/**
 * Checks a chain against the current tools before it may run. Tools change: a removed tool, or a
 * schema its literal arguments or its parameters' types no longer fit, makes the chain stale
 * ({@link ChainStaleError}). A chain that would call a tool without `readOnly` must have been kept
 * by a developer ({@link ChainNotReviewedError}).
 */
export function compileChain(chain: Chain | ChainDefinition, tools: ToolSource): CompiledChain {
  const registry = createToolRegistry(tools);
  let plan: ValidatedPlan;
  try {
    plan = validatePlan(chain.plan, { tools: registry, available: [CHAIN_PARAMS_ID] });
  } catch (error) {
    if (!(error instanceof PlanValidationError)) throw error;
    throw new ChainStaleError({ chainName: chain.name, issues: error.issues, cause: error });
  }
  const typeIssues = checkParameterUses(chain, plan, registry);
  if (typeIssues.length > 0)
    throw new ChainStaleError({ chainName: chain.name, issues: typeIssues });

  const sideEffectTools = [
    ...new Set(
      plan.steps
        .map(({ step }) => step.tool)
        .filter((name) => registry.get(name)?.readOnly !== true),
    ),
  ];
  const reviewed = chain.kept && (chain.origin !== 'code' || chain.sideEffects === true);
  if (sideEffectTools.length > 0 && !reviewed) {
    throw new ChainNotReviewedError({
      chainName: chain.name,
      tools: sideEffectTools,
      origin: chain.origin,
    });
  }

  const paramsSchema = paramsSchemaOf(chain);
  return {
    chain,
    plan,
    tools: registry,
    checkParams(params) {
      const parsed = paramsSchema.safeParse(params);
      if (parsed.success) return parsed.data;
      throw new ChainParamsError({
        chainName: chain.name,
        issues: parsed.error.issues.map((issue) =>
          issue.path.length === 0 ? issue.message : `\`${issue.path.join('.')}\`: ${issue.message}`,
        ),
      });
    },
  };
}

// A chain is compiled for every query it answers (tools may have changed since the last one);
// its parameters' schema depends on the chain alone, and building a zod object per query was a
// quarter of the compiled path's time on the repeat-traffic stream.
const paramsSchemas = new WeakMap<Chain | ChainDefinition, z.ZodType<Record<string, unknown>>>();

function paramsSchemaOf(chain: Chain | ChainDefinition): z.ZodType<Record<string, unknown>> {
  let schema = paramsSchemas.get(chain);
  if (schema === undefined) {
    schema = z
      .object(
        Object.fromEntries(
          Object.entries(chain.params).map(([name, param]) => [name, paramSchema(param.type)]),
        ),
      )
      .strict();
    paramsSchemas.set(chain, schema);
  }
  return schema;
}

function paramSchema(type: ChainParamType): z.ZodType {
  switch (type) {
    case 'string':
      return z.string().min(1);
    case 'number':
      return z.number();
    case 'string[]':
      return z.array(z.string().min(1)).min(1);
    case 'number[]':
      return z.array(z.number()).min(1);
  }
}

/**
 * Where a parameter (or the `$item` of a `forEach` over one) is an argument's whole value, the
 * tool's schema must still accept the parameter's type there. Validation alone cannot see this:
 * a reference's value is unknown until the run.
 */
function checkParameterUses(
  chain: Chain | ChainDefinition,
  plan: ValidatedPlan,
  registry: ToolRegistry,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const validated of plan.steps) {
    const { step, index } = validated;
    const schema = registry.get(step.tool)?.inputSchema.jsonSchema;
    let itemType: ChainParamType | undefined;
    if (validated.forEach?.kind === 'reference') {
      const { root, path } = validated.forEach.reference;
      const param = root === CHAIN_PARAMS_ID ? declaredType(chain, path) : undefined;
      if (param !== undefined && !param.endsWith('[]')) {
        issues.push({
          code: 'invalid_for_each',
          path: ['steps', index, 'forEach'],
          stepId: step.id,
          message: `Step \`${step.id}\` repeats over parameter \`${String(path[0])}\`, which is a ${param}, not a list.`,
        });
      }
      if (param?.endsWith('[]')) itemType = param.slice(0, -2) as ChainParamType;
    }
    for (const { reference, location, interpolated } of validated.argumentReferences) {
      if (interpolated) continue;
      const type =
        reference.root === CHAIN_PARAMS_ID
          ? declaredType(chain, reference.path)
          : reference.root === 'item' && reference.path.length === 0
            ? itemType
            : undefined;
      if (type === undefined) continue;
      const problem = typeProblem(schema, location, type);
      if (problem === undefined) continue;
      issues.push({
        code: 'invalid_arguments',
        path: ['steps', index, 'args', ...location],
        stepId: step.id,
        message: `Step \`${step.id}\` (${step.tool}): argument \`${location.join('.')}\` gets ${reference.text}, a ${type}, but ${problem}.`,
      });
    }
  }
  return issues;
}

function declaredType(
  chain: Chain | ChainDefinition,
  path: readonly PathSegment[],
): ChainParamType | undefined {
  const name = path[0];
  return path.length === 1 && typeof name === 'string' ? chain.params[name]?.type : undefined;
}

function typeProblem(
  schema: unknown,
  location: readonly PathSegment[],
  type: ChainParamType,
): string | undefined {
  const allowed = schemaTypesAt(schema, location);
  if (allowed === 'any') return undefined;
  if (allowed === 'absent') return 'the tool no longer takes that argument';
  const fits = (scalar: string, types: Set<string>) =>
    scalar === 'number' ? types.has('number') || types.has('integer') : types.has(scalar);
  if (type.endsWith('[]')) {
    if (!allowed.has('array')) return `the tool now expects ${[...allowed].join(' or ')}`;
    const items = schemaTypesAt(schema, [...location, 0]);
    if (items === 'any' || items === 'absent') return undefined;
    return fits(type.slice(0, -2), items)
      ? undefined
      : `the tool now expects a list of ${[...items].join(' or ')}`;
  }
  return fits(type, allowed) ? undefined : `the tool now expects ${[...allowed].join(' or ')}`;
}
