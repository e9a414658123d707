import type { Plan } from '../plan/index.js';
import { CHAIN_PARAMS_ID } from './chain-params-id.js';
import { valueLeaves } from './value-leaves.js';

/** An argument of a tool that takes a parameter's value whole (a list's items, one by one). */
export interface ParamDestination {
  tool: string;
  /** Path inside the tool's arguments. */
  path: Array<string | number>;
}

/**
 * Where a chain parameter's value lands as a whole argument: `args.city = '$params.city'`, or,
 * for a list fed to `forEach`, every argument that is `$item`. A value written into a longer
 * text (`'best restaurants in ${params.q}'`) has no destination of its own: the tool's schema
 * says nothing about it.
 */
export function findParamDestinations(plan: Plan, name: string): ParamDestination[] {
  const whole = `$${CHAIN_PARAMS_ID}.${name}`;
  const found: ParamDestination[] = [];
  for (const step of plan.steps) {
    const target = step.forEach === whole ? '$item' : whole;
    for (const [path, value] of valueLeaves(step.args, [])) {
      if (value === target) found.push({ tool: step.tool, path });
    }
  }
  return found;
}
