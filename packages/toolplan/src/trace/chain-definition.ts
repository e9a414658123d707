import { z } from 'zod';
import type { Plan } from '../plan/index.js';
import { slotProfileSchema, type SlotProfile } from './slot-profile.js';

/** The types a chain parameter can have. */
export const CHAIN_PARAM_TYPES = ['string', 'number', 'string[]', 'number[]'] as const;
export type ChainParamType = (typeof CHAIN_PARAM_TYPES)[number];

/** Where a chain came from: mined from traces, written in code, or remembered by the plan cache. */
export type ChainOrigin = 'mined' | 'code' | 'plan-cache';

/** A chain's name doubles as its file name (`<name>.chain.json`), so it is kept file-safe. */
export const CHAIN_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,99}$/;

const stepPath = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[^.]+)*$/, 'Expected `stepId.path`, like `user.id`');

export const chainParamSchema = z
  .object({
    type: z.enum(CHAIN_PARAM_TYPES),
    /** Values seen in traces (or listed by a developer); a matcher may find the parameter by them. */
    entities: z.array(z.string().min(1)).optional(),
    /** What kind of value the parameter holds, learned from the values seen (mined chains). */
    slot: slotProfileSchema.optional(),
  })
  .strict();

export const chainMatchSchema = z
  .object({
    /** Regular-expression sources matched against the whole query; named groups are parameters. */
    patterns: z.array(z.string().min(1)).optional(),
    /** Words that must all be in the query. */
    keywords: z.array(z.string().min(1)).optional(),
    minConfidence: z.number().min(0).max(1).optional(),
  })
  .strict();

/**
 * The reviewable form of a chain, one JSON file per chain. `plan` is an ordinary plan whose
 * arguments reference the parameters as `$params.name`.
 */
export const chainDefinitionSchema = z
  .object({
    version: z.literal(1),
    name: z.string().regex(CHAIN_NAME_PATTERN, 'Expected lowercase letters, digits, `-` or `_`'),
    description: z.string().optional(),
    origin: z.enum(['mined', 'code', 'plan-cache']),
    /** A developer reviewed and kept it. Only a kept chain may run tools with side effects. */
    kept: z.boolean(),
    /** A chain written in code declares that it may run tools with side effects. */
    sideEffects: z.boolean().optional(),
    params: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), chainParamSchema),
    match: chainMatchSchema,
    plan: z
      .object({
        steps: z.array(z.record(z.string(), z.unknown())).min(1),
        answer: z.string().optional(),
        needsReasoning: z.boolean().optional(),
      })
      .strict(),
    support: z.number().int().nonnegative().optional(),
    coverage: z.number().min(0).max(1).optional(),
    examples: z.array(z.string()).optional(),
    dataFlow: z.array(z.object({ from: stepPath, to: stepPath }).strict()).optional(),
    queryArgs: z.array(z.object({ param: z.string(), to: stepPath }).strict()).optional(),
  })
  .strict();

export interface ChainParam {
  type: ChainParamType;
  entities?: string[];
  /**
   * What kind of value the parameter holds, learned from the values seen: a captured value that
   * does not fit it (a date word in a city's place, a code never seen, a number far out of range)
   * makes the chain miss. Absent (chains written by hand): the pattern alone decides.
   */
  slot?: SlotProfile;
}

export interface ChainMatchRules {
  patterns?: string[];
  keywords?: string[];
  /** Matches below this confidence go to the planner. @default 0.8 */
  minConfidence?: number;
}

/** A chain as its file holds it (see {@link chainDefinitionSchema}). */
export interface ChainDefinition {
  version: 1;
  name: string;
  description?: string;
  origin: ChainOrigin;
  kept: boolean;
  sideEffects?: boolean;
  params: Record<string, ChainParam>;
  match: ChainMatchRules;
  plan: Plan;
  /** Runs of the trace log that were instances of it. */
  support?: number;
  /** Its share of all runs mined. */
  coverage?: number;
  examples?: string[];
  /** Which result field fed which argument: `{ from: 'user.id', to: 'prefs.user_id' }`. */
  dataFlow?: Array<{ from: string; to: string }>;
  /** Which arguments came from the query: `{ param: 'name', to: 'user.name' }`. */
  queryArgs?: Array<{ param: string; to: string }>;
}
