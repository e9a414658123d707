import { stringify } from 'safe-stable-stringify';
import type { ArgumentIssue } from 'toolplan/internal';
import type { JsonSchema, ToolRegistry } from 'toolplan/internal';
import type { BfclGoldCall } from './bfcl-data.js';

/** A concrete call: one tool and the arguments a model would send. */
export interface BfclCall {
  tool: string;
  args: Record<string, unknown>;
}

export type GoldCallChoice = { ok: true; calls: BfclCall[] } | { ok: false; reason: string };

/** A candidate for one argument: a value, or leaving the argument out. */
type Candidate = { omit: true } | { omit: false; value: unknown };

/**
 * Turns BFCL's accepted calls into the concrete calls a competent model makes: per argument the
 * first accepted value that is not `""` (`""` accepted first, for an optional argument, means it
 * is left out). Nested `dict` values, written `{key: [accepted…]}`, take the first accepted value
 * per key. A call that fails its tool's schema tries, argument by argument, the other accepted
 * values. When some call has no valid choice, or two calls are identical, the case cannot be
 * scripted and the reason is returned.
 */
export function chooseGoldCalls(
  registry: ToolRegistry,
  groundTruth: readonly BfclGoldCall[],
): GoldCallChoice {
  const calls: BfclCall[] = [];
  for (const goldCall of groundTruth) {
    const [entry] = Object.entries(goldCall);
    if (entry === undefined) return { ok: false, reason: 'an accepted call names no function' };
    const [tool, goldArgs] = entry;
    const definition = registry.get(tool);
    if (definition === undefined) {
      return {
        ok: false,
        reason: `an accepted call uses \`${tool}\`, which the case does not offer`,
      };
    }
    const choice = chooseCall(registry, tool, definition.inputSchema.jsonSchema, goldArgs);
    if (!choice.ok) return choice;
    calls.push(choice.call);
  }
  const seen = new Map<string, number>();
  for (const [index, call] of calls.entries()) {
    const key = stringify(call) ?? '';
    const first = seen.get(key);
    if (first !== undefined) {
      return {
        ok: false,
        reason: `calls ${first} and ${index} are identical (\`${call.tool}\` with ${JSON.stringify(call.args)}): the tools are deterministic and read-only, so a run may rightly share one call between them, and the number of calls a correct run makes is not defined`,
      };
    }
    seen.set(key, index);
  }
  return { ok: true, calls };
}

function chooseCall(
  registry: ToolRegistry,
  tool: string,
  schema: JsonSchema,
  goldArgs: Readonly<Record<string, readonly unknown[]>>,
): { ok: true; call: BfclCall } | { ok: false; reason: string } {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set(
    Array.isArray(schema['required']) ? (schema['required'] as string[]) : [],
  );
  const options = new Map<string, Candidate[]>();
  for (const [argument, accepted] of Object.entries(goldArgs)) {
    if (accepted.length === 0) {
      return { ok: false, reason: `\`${tool}.${argument}\` has no accepted value` };
    }
    const candidates = uniqueCandidates(
      accepted.flatMap((value): Candidate[] =>
        value === ''
          ? [{ omit: true }]
          : concreteValues(properties[argument] ?? {}, value).map((concrete) => ({
              omit: false,
              value: concrete,
            })),
      ),
    );
    // `""` first means "may be left out" — the preferred choice only where leaving it out is allowed.
    const [first, ...rest] = candidates;
    options.set(
      argument,
      first !== undefined && first.omit && required.has(argument) ? [...rest, first] : candidates,
    );
  }

  const chosen = new Map<string, Candidate>();
  for (const [argument, candidates] of options) chosen.set(argument, candidates[0] as Candidate);
  const build = (): Record<string, unknown> => {
    const args: Record<string, unknown> = {};
    for (const [argument, candidate] of chosen)
      if (!candidate.omit) args[argument] = candidate.value;
    return args;
  };
  const issuesAt = (argument: string | undefined): ArgumentIssue[] =>
    registry
      .checkArguments(tool, build())
      .filter((issue) => argument === undefined || issue.path[0] === argument);

  for (const [argument, candidates] of options) {
    if (issuesAt(argument).length === 0) continue;
    const fitting = candidates.slice(1).find((candidate) => {
      chosen.set(argument, candidate);
      return issuesAt(argument).length === 0;
    });
    if (fitting === undefined) {
      chosen.set(argument, candidates[0] as Candidate);
      const issues = issuesAt(argument).map((issue) => issue.message);
      return {
        ok: false,
        reason: `\`${tool}\`: no accepted value of \`${argument}\` (${JSON.stringify(goldArgs[argument])}) fits the schema: ${issues.join('; ')}`,
      };
    }
  }
  const remaining = issuesAt(undefined);
  if (remaining.length > 0) {
    return {
      ok: false,
      reason: `\`${tool}\`: the accepted arguments do not fit the schema: ${remaining.map((issue) => issue.message).join('; ')}`,
    };
  }
  return { ok: true, call: { tool, args: build() } };
}

/**
 * BFCL writes an accepted value of a `dict` parameter as `{key: [accepted values…]}`. The concrete
 * values: the first accepted value per key (`""` = leave the key out), then one variant per other
 * accepted value of a key (as src/tools/bfcl.test.ts reads them).
 */
function concreteValues(schema: JsonSchema, accepted: unknown): unknown[] {
  if (schema['type'] !== 'object' || typeof accepted !== 'object' || accepted === null) {
    return [accepted];
  }
  const entries = Object.entries(accepted as Record<string, unknown>);
  if (!entries.every(([, values]) => Array.isArray(values) && values.length > 0)) return [accepted];
  const lists = entries as Array<[string, unknown[]]>;
  const pick = (key?: string, value?: unknown) =>
    Object.fromEntries(
      lists.flatMap(([name, values]) => {
        const chosen = name === key ? value : values[0];
        return chosen === '' ? [] : [[name, chosen]];
      }),
    );
  const results = [pick()];
  for (const [key, values] of lists) {
    for (const value of values.slice(1)) results.push(pick(key, value));
  }
  return results;
}

function uniqueCandidates(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    const key = candidate.omit ? 'omit' : `value:${stringify(candidate.value) ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
