import { parseWholeReference, type PathSegment, type Plan } from '../plan/index.js';
import { CHAIN_PARAMS_ID } from './chain-params-id.js';

const INNER = /\$\$|\$\{params((?:\.[A-Za-z0-9_-]+|\[\d+\])*)\}/g;

/**
 * A plan template with its parameters written in as literals: the plan then stands on its own and
 * is validated (literal arguments against the tools' schemas) and run like any plan. Values are
 * escaped (`$` → `$$`) so that nothing in a query can become a reference.
 */
export function bindChainParams(template: Plan, params: Readonly<Record<string, unknown>>): Plan {
  const bind = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = parseWholeReference(value);
      if (whole?.root === CHAIN_PARAMS_ID) return escape(lookup(params, whole.path));
      return value.replace(INNER, (text, path: string | undefined) =>
        path === undefined ? text : escapeText(asText(lookup(params, parsePath(path)))),
      );
    }
    if (Array.isArray(value)) return value.map(bind);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bind(item)]));
    return value;
  };
  const plan: Plan = {
    steps: template.steps.map((step) => ({
      ...step,
      args: bind(step.args) as Record<string, unknown>,
      ...(step.forEach === undefined ? {} : { forEach: bind(step.forEach) as string | unknown[] }),
    })),
  };
  if (template.answer !== undefined) plan.answer = bind(template.answer) as string;
  if (template.needsReasoning !== undefined) plan.needsReasoning = template.needsReasoning;
  return plan;
}

function parsePath(text: string): PathSegment[] {
  return [...text.matchAll(/\.([A-Za-z0-9_-]+)|\[(\d+)\]/g)].map((match) =>
    match[1] !== undefined ? match[1] : Number(match[2]),
  );
}

function lookup(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    // A chain's parameters are plain values: `[$index]` has no element to pair with there.
    if (typeof current !== 'object' || current === null || typeof segment === 'object') {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** As the runtime interpolates a value into text, so a bound plan answers as the template would. */
function asText(value: unknown): string {
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function escapeText(text: string): string {
  return text.replaceAll('$', '$$$$');
}

function escape(value: unknown): unknown {
  if (typeof value === 'string') return escapeText(value);
  if (Array.isArray(value)) return value.map(escape);
  return value;
}
