import type { Plan } from '../plan/index.js';
import {
  CHAIN_PARAM_TYPES,
  chainDefinitionSchema,
  type ChainDefinition,
  type ChainParam,
  type ChainParamType,
} from './chain-definition.js';
import { ChainDefinitionError } from './chain-errors.js';
import { checkChainDefinition } from './check-chain-definition.js';

/** What a custom matcher finds in a query: the chain's parameters and how sure it is (0–1). */
export interface CustomChainMatch {
  params: Record<string, unknown>;
  confidence: number;
}

/** A matcher written in code: `undefined` when the query is not an instance of the chain. */
export type CustomChainMatcher = (query: string) => CustomChainMatch | undefined;

/** A chain ready to match: its definition, plus a matcher function when it was written in code. */
export interface Chain extends ChainDefinition {
  custom?: CustomChainMatcher;
}

export interface DefineChainOptions {
  /** Lowercase letters, digits, `-` and `_`; also the name of its file. */
  name: string;
  description?: string;
  /** The parameters the plan uses as `$params.name`, with their types. */
  params: Record<string, ChainParamType | ChainParam>;
  match: {
    /**
     * Matched against the whole query, case-insensitively; named groups are parameters, and
     * every pattern must capture every parameter (unless `custom` supplies them). Flags of a
     * `RegExp` are ignored.
     */
    patterns?: ReadonlyArray<RegExp | string>;
    /** Words that must all be in the query. */
    keywords?: readonly string[];
    /** Known values of parameters: without patterns, the parameters are found by these. */
    entities?: Readonly<Record<string, readonly string[]>>;
    /** A matcher in code, for what patterns and lists cannot say. */
    custom?: CustomChainMatcher;
    /**
     * Matches below this confidence go to the planner.
     * @default 0.8
     */
    minConfidence?: number;
  };
  /** The plan run for a match; its arguments use `$params.name`. */
  plan: Plan;
  /**
   * The chain may call tools with side effects. A chain in code counts as reviewed, but must still
   * say so, lest a tool that gained side effects run unnoticed.
   * @default false
   */
  sideEffects?: boolean;
}

/**
 * Registers a chain in code. It counts as kept by a developer. The definition is checked at once:
 * every parameter is used by the plan and can be found in a query, every pattern compiles and
 * captures only parameters. Throws {@link ChainDefinitionError}.
 */
export function defineChain(options: DefineChainOptions): Chain {
  const name = typeof options?.name === 'string' ? options.name : undefined;
  const fail = (message: string): never => {
    throw new ChainDefinitionError({ ...(name === undefined ? {} : { chainName: name }), message });
  };
  const { match } = options;
  if (typeof match !== 'object' || match === null) fail('Expected `match` to be an object');
  if (match.custom !== undefined && typeof match.custom !== 'function') {
    fail(`Expected \`match.custom\` to be a function, got \`${typeof match.custom}\``);
  }

  const params: Record<string, ChainParam> = {};
  for (const [param, declared] of Object.entries(options.params ?? {})) {
    const type = typeof declared === 'string' ? declared : declared?.type;
    if (!(CHAIN_PARAM_TYPES as readonly unknown[]).includes(type)) {
      fail(
        `Expected the type of parameter \`${param}\` to be one of ${CHAIN_PARAM_TYPES.join(', ')}, got \`${String(type)}\``,
      );
    }
    const listed = typeof declared === 'string' ? undefined : declared.entities;
    params[param] = { type, ...(listed === undefined ? {} : { entities: [...listed] }) };
  }
  for (const [param, entities] of Object.entries(match.entities ?? {})) {
    const target = params[param];
    if (target === undefined)
      fail(`\`match.entities\` lists values for \`${param}\`, which is not a parameter.`);
    else target.entities = [...new Set([...(target.entities ?? []), ...entities])];
  }

  const patterns = (match.patterns ?? []).map((pattern) =>
    pattern instanceof RegExp ? pattern.source : pattern,
  );
  const definition = {
    version: 1,
    name: options.name,
    ...(options.description === undefined ? {} : { description: options.description }),
    origin: 'code',
    kept: true,
    sideEffects: options.sideEffects ?? false,
    params,
    match: {
      ...(patterns.length === 0 ? {} : { patterns }),
      ...(match.keywords === undefined ? {} : { keywords: [...match.keywords] }),
      ...(match.minConfidence === undefined ? {} : { minConfidence: match.minConfidence }),
    },
    plan: options.plan,
  };
  const parsed = chainDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    fail(
      parsed.error.issues
        .map((issue) => `\`${issue.path.join('.')}\`: ${issue.message}`)
        .join('; '),
    );
  }
  const chain = definition as ChainDefinition;
  checkChainDefinition(chain, match.custom !== undefined);
  return match.custom === undefined ? chain : { ...chain, custom: match.custom };
}
