import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatIssuePath, PlanValidationError, validatePlan } from '../plan/index.js';
import { toTool } from './to-tool.js';
import { createToolRegistry, type ToolRegistry } from './tool-registry.js';
import type { JsonSchema } from './tool.js';

// The BFCL data is part of the repository (`data/bfcl/`, with its licence).
const DATA = new URL('../../../../data/bfcl/', import.meta.url);

interface BfclFunction {
  name: string;
  description: string;
  parameters: unknown;
}
interface BfclCase {
  id: string;
  function: BfclFunction[];
}
/** One call: `{ "fn.name": { "arg": [accepted values…] } }`. */
type GoldCall = Record<string, Record<string, unknown[]>>;
interface BfclAnswer {
  id: string;
  ground_truth: GoldCall[];
}

function readLines<T>(file: string): T[] {
  return readFileSync(new URL(file, DATA), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/**
 * Accepted values in the answer files that contradict the function's own schema in the same
 * case. They are data errors, not schema-conversion bugs: each is expected to FAIL validation,
 * exactly at its argument (and nowhere else), and every entry must be met, so the list cannot
 * silently go stale. An accepted "" means "may be left out".
 */
const INCONSISTENT: ReadonlyArray<{ id: string; tool: string; argument: string; value: unknown }> =
  [
    // "" (may be omitted) for a parameter the schema lists in `required`.
    { id: 'parallel_88', tool: 'calculate_final_speed', argument: 'initial_velocity', value: '' },
    {
      id: 'parallel_multiple_87',
      tool: 'kinematics.distance',
      argument: 'initial_velocity',
      value: '',
    },
    {
      id: 'parallel_multiple_119',
      tool: 'league_stats.get_top_scorer',
      argument: 'league_name',
      value: '',
    },
    // null (Python's None default) for a `float` parameter.
    { id: 'parallel_152', tool: 'math.power', argument: 'mod', value: null },
    // Python expressions, as strings, for arrays of floats.
    {
      id: 'parallel_multiple_21',
      tool: 'linear_regression_fit',
      argument: 'x',
      value: "data['sales']",
    },
    {
      id: 'parallel_multiple_21',
      tool: 'linear_regression_fit',
      argument: 'y',
      value: "data['future_sales']",
    },
    // Fruit names for `elements: array of integer` (the case's other functions take strings).
    {
      id: 'parallel_multiple_94',
      tool: 'sort_list',
      argument: 'elements',
      value: ['apple', 'banana', 'cherry', 'date', 'elderberry'],
    },
    {
      id: 'parallel_multiple_94',
      tool: 'sort_list',
      argument: 'elements',
      value: ['elderberry', 'cherry', 'banana', 'apple', 'date'],
    },
    // Spellings outside the parameter's `enum`.
    {
      id: 'parallel_multiple_143',
      tool: 'find_flute',
      argument: 'specs',
      value: ['open-hole', 'silver-headjoint'],
    },
    {
      id: 'parallel_multiple_173',
      tool: 'ecology_data.precipitation_stats',
      argument: 'time_frame',
      value: '1 year',
    },
    {
      id: 'parallel_multiple_173',
      tool: 'ecology_data.precipitation_stats',
      argument: 'time_frame',
      value: '12 months',
    },
    {
      id: 'parallel_multiple_173',
      tool: 'ecology_data.precipitation_stats',
      argument: 'time_frame',
      value: '5 years',
    },
    { id: 'parallel_multiple_194', tool: 'building.get_dimensions', argument: 'unit', value: 'ft' },
  ];

/**
 * Accepted values for arguments the function does not declare at all. BFCL's schemas do not say
 * `additionalProperties: false`, so JSON Schema (and toolplan) accepts them; they are listed so
 * that the count of such arguments is checked, not ignored.
 */
const UNDECLARED: ReadonlyArray<{ id: string; tool: string; argument: string }> = [
  { id: 'parallel_multiple_12', tool: 'calculate_voltage_difference', argument: 'permeability' },
  { id: 'parallel_multiple_26', tool: 'bank.calculate_balance', argument: 'type' },
];

const met = new Set<number>();

function inconsistency(id: string, tool: string, argument: string, value: unknown): boolean {
  const index = INCONSISTENT.findIndex(
    (entry) =>
      entry.id === id &&
      entry.tool === tool &&
      entry.argument === argument &&
      isDeepStrictEqual(entry.value, value),
  );
  if (index !== -1) met.add(index);
  return index !== -1;
}

/** A wrong value for each JSON type, used to check that validation rejects it. */
const WRONG: Record<string, unknown> = {
  string: { wrong: true },
  integer: 'not a number',
  number: 'not a number',
  boolean: 'not a boolean',
  array: { wrong: true },
  object: 'not an object',
};

function propertySchema(registry: ToolRegistry, tool: string, argument: string): JsonSchema {
  const properties = registry.get(tool)?.inputSchema.jsonSchema['properties'] as
    Record<string, JsonSchema> | undefined;
  return properties?.[argument] ?? {};
}

/**
 * BFCL writes an accepted value of a `dict` parameter as `{key: [accepted values…]}` (its
 * `dict_checker` grades each key against a list). The concrete value a model would send takes
 * one accepted value per key ("" = leave the key out). Without this, `update_info: {"name":
 * ["John"]}` (parallel_142, parallel_multiple_179) and `budget: {"min": [500000]}`
 * (parallel_multiple_65) would be sent as arrays where the schema says string / number.
 */
function concreteValues(schema: JsonSchema, accepted: unknown): unknown[] {
  if (schema['type'] !== 'object' || typeof accepted !== 'object' || accepted === null) {
    return [accepted];
  }
  const entries = Object.entries(accepted as Record<string, unknown>);
  for (const [key, values] of entries) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new Error(`dict key \`${key}\` holds no list of accepted values`);
    }
  }
  const pick = (chosen: ReadonlyMap<string, unknown>) =>
    Object.fromEntries(
      entries.flatMap(([key, values]) => {
        const value = chosen.has(key) ? chosen.get(key) : (values as unknown[])[0];
        return value === '' ? [] : [[key, value]];
      }),
    );
  const results = [pick(new Map())];
  for (const [key, values] of entries) {
    for (const value of (values as unknown[]).slice(1)) results.push(pick(new Map([[key, value]])));
  }
  return results;
}

interface Check {
  label: string;
  args: Record<string, unknown>;
  /** Arguments whose value is a listed data inconsistency: the only places issues may be. */
  expectedBad: string[];
}

/** The base call (first accepted value of each argument) and one variant per other accepted value. */
function checksFor(
  id: string,
  registry: ToolRegistry,
  tool: string,
  gold: Record<string, unknown[]>,
) {
  const base: Record<string, unknown> = {};
  const baseBad = new Set<string>();
  const put = (
    args: Record<string, unknown>,
    bad: Set<string>,
    argument: string,
    value: unknown,
  ) => {
    if (inconsistency(id, tool, argument, value)) bad.add(argument);
    else bad.delete(argument);
    if (value === '') delete args[argument];
    else args[argument] = value;
  };
  const variants: Array<[string, unknown]> = [];
  for (const [argument, accepted] of Object.entries(gold)) {
    expect(accepted.length, `${id} ${tool}.${argument} has accepted values`).toBeGreaterThan(0);
    const schema = propertySchema(registry, tool, argument);
    const [first, ...others] = accepted.flatMap((value) => concreteValues(schema, value));
    put(base, baseBad, argument, first);
    for (const value of others) variants.push([argument, value]);
  }
  const checks: Check[] = [
    { label: 'first accepted values', args: base, expectedBad: [...baseBad] },
  ];
  for (const [argument, value] of variants) {
    const args = { ...base };
    const bad = new Set(baseBad);
    put(args, bad, argument, value);
    checks.push({ label: `${argument} = ${JSON.stringify(value)}`, args, expectedBad: [...bad] });
  }
  return checks;
}

function issueArguments(registry: ToolRegistry, tool: string, args: unknown): string[] {
  const issues = registry.checkArguments(tool, args);
  return [...new Set(issues.map((issue) => String(issue.path[0])))].sort();
}

const totals = { cases: 0, calls: 0, acceptedChecks: 0, wrongTypeChecks: 0 };

describe.each(['BFCL_v4_parallel', 'BFCL_v4_parallel_multiple'])('BFCL %s', (file) => {
  const cases = readLines<BfclCase>(`${file}.json`);
  const answers = new Map(readLines<BfclAnswer>(`${file}.answers.json`).map((a) => [a.id, a]));

  it('has 200 cases, each with its answers', () => {
    expect(cases).toHaveLength(200);
    expect(answers.size).toBe(200);
    for (const { id } of cases) expect(answers.has(id), id).toBe(true);
  });

  it.each(cases.map((bfclCase) => [bfclCase.id, bfclCase] as const))('%s', (id, bfclCase) => {
    const execute = () => null;
    const registry = createToolRegistry(bfclCase.function.map((fn) => toTool({ ...fn, execute })));
    expect(registry.names()).toEqual(bfclCase.function.map((fn) => fn.name));
    for (const name of registry.names()) {
      const providerName = registry.providerName(name);
      expect(providerName).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(registry.toolNameFromProvider(providerName)).toBe(name);
    }

    const gold = (answers.get(id) as BfclAnswer).ground_truth;
    expect(gold.length).toBeGreaterThan(0);
    totals.cases += 1;
    const planSteps: unknown[] = [];
    const planBad: string[] = [];
    gold.forEach((call, callIndex) => {
      const entries = Object.entries(call);
      expect(entries).toHaveLength(1);
      const [tool, goldArgs] = entries[0] as [string, Record<string, unknown[]>];
      expect(registry.has(tool), `${id}: ${tool} is one of the case's functions`).toBe(true);
      totals.calls += 1;

      const checks = checksFor(id, registry, tool, goldArgs);
      for (const { label, args, expectedBad } of checks) {
        totals.acceptedChecks += 1;
        expect(issueArguments(registry, tool, args), `${id} ${tool} (${label})`).toEqual(
          [...expectedBad].sort(),
        );
      }

      // The same call with one argument of the wrong type must fail, at that argument.
      const base = (checks[0] as Check).args;
      let typed = 0;
      for (const argument of Object.keys(base)) {
        const type = propertySchema(registry, tool, argument)['type'];
        if (typeof type !== 'string' || !(type in WRONG)) continue;
        typed += 1;
        totals.wrongTypeChecks += 1;
        const wrong = { ...base, [argument]: WRONG[type] };
        expect(
          issueArguments(registry, tool, wrong),
          `${id} ${tool}.${argument}: ${type}`,
        ).toContain(argument);
      }
      expect(typed, `${id} ${tool} has an argument with a declared type`).toBeGreaterThan(0);

      planSteps.push({ id: `call${callIndex}`, tool, args: base });
      for (const argument of (checks[0] as Check).expectedBad) {
        planBad.push(`steps[${callIndex}].args.${argument}`);
      }
    });

    // The calls of a case form a fan-out plan of depth one.
    const plan = { steps: planSteps };
    if (planBad.length === 0) {
      expect(validatePlan(plan, { tools: registry }).steps).toHaveLength(gold.length);
    } else {
      let thrown: unknown;
      try {
        validatePlan(plan, { tools: registry });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(PlanValidationError);
      const issues = (thrown as PlanValidationError).issues;
      expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(['invalid_arguments']));
      expect(new Set(issues.map(({ path }) => formatIssuePath(path.slice(0, 4))))).toEqual(
        new Set(planBad),
      );
    }
  });

  it('lists exactly the undeclared arguments of its answers', () => {
    const found: Array<{ id: string; tool: string; argument: string }> = [];
    for (const bfclCase of cases) {
      const functions = new Map(bfclCase.function.map((fn) => [fn.name, fn]));
      for (const call of (answers.get(bfclCase.id) as BfclAnswer).ground_truth) {
        for (const [tool, args] of Object.entries(call)) {
          const parameters = functions.get(tool)?.parameters as { properties?: object };
          for (const argument of Object.keys(args)) {
            if (!Object.hasOwn(parameters.properties ?? {}, argument)) {
              found.push({ id: bfclCase.id, tool, argument });
            }
          }
        }
      }
    }
    const ids = new Set(cases.map(({ id }) => id));
    expect(found).toEqual(UNDECLARED.filter(({ id }) => ids.has(id)));
  });
});

describe('BFCL totals', () => {
  it('checked every case, call and accepted value', () => {
    expect(totals.cases).toBe(400);
    expect(totals.calls).toBeGreaterThan(1000);
    expect(totals.acceptedChecks).toBeGreaterThan(2000);
    expect(totals.wrongTypeChecks).toBeGreaterThan(2500);
  });

  it('met every listed data inconsistency', () => {
    expect(
      INCONSISTENT.filter((_, index) => !met.has(index)),
      'entries of INCONSISTENT that no accepted value matched',
    ).toEqual([]);
  });
});
