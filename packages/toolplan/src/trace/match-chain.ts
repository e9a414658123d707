import { LRUCache } from 'lru-cache';
import type { ChainDefinition, ChainParam } from './chain-definition.js';
import type { Chain } from './define-chain.js';
import { findEntityTokens } from './find-entity-tokens.js';
import { findParamDestinations } from './find-param-destinations.js';
import { findWord } from './find-word.js';
import { schemaConstraintsAt } from './schema-constraints-at.js';
import { slotMismatch } from './slot-mismatch.js';
import { trimQuery } from './trim-query.js';

/** A query recognised as an instance of a chain. */
export interface ChainMatch {
  chain: Chain | ChainDefinition;
  /** The chain's parameters, typed as declared (numbers coerced, lists split). */
  params: Record<string, unknown>;
  /** How sure the match is, 0–1. */
  confidence: number;
}

export interface MatchChainOptions {
  /**
   * The JSON Schema of a tool's input, by tool name: its enums, bounds and patterns type the
   * slots of learned chains (a number the schema allows fits; a value outside its enum does not).
   */
  schemaOf?: (tool: string) => unknown;
  /** Hears why a chain whose pattern matched the query was refused: a slot's value did not fit. */
  onNearMiss?: (reason: string) => void;
  /**
   * Hears the values a refused pattern captured (`confidence` 0): not a match — the query may
   * need another plan — but the likeliest guess of what the planner will call, which speculation
   * may start while it is asked (read-only calls only, at the speculator's discretion).
   */
  onRefusedMatch?: (refused: RefusedChainMatch) => void;
}

/** A pattern's captures that its slots refused: `refused` names the parameters that did not fit. */
export interface RefusedChainMatch extends ChainMatch {
  refused: string[];
}

/** Matches below this go to the planner unless a chain sets its own `minConfidence`. */
export const DEFAULT_MIN_CONFIDENCE = 0.8;

// Confidence by kind of evidence: a full-query pattern whose captures are all known values is as
// sure as a rule can be; an unseen value in a pattern's slot is plausible but unproven; keywords
// and entity lists without a pattern say nothing about the rest of the query.
const PATTERN_CONFIDENCE = 1;
const UNSEEN_VALUE_CONFIDENCE = 0.9;
const ENTITY_CONFIDENCE = 0.9;
const ENTITY_WITHOUT_KEYWORDS_CONFIDENCE = 0.8;

// A plan cache tries every cached shape on every lookup: compile each pattern once.
const compiledPatterns = new LRUCache<string, RegExp>({ max: 4096 });

function fullQueryPattern(source: string): RegExp {
  let pattern = compiledPatterns.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(`^(?:${source})$`, 'iu');
    compiledPatterns.set(source, pattern);
  }
  return pattern;
}

const LIST_SEPARATOR = /\s*(?:,\s*(?:and\s+)?|&|\band\b)\s*/iu;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * Decides, without a model, whether a query is an instance of a chain, and extracts its
 * parameters. Patterns match the whole query; a chain with patterns matches only through them
 * (or its custom matcher), so content a pattern does not cover is refused. A chain without
 * patterns is matched by its keywords (all required) and entity lists, and any entity-looking
 * word the lists do not know makes it refuse. Returns `undefined` below the chain's
 * `minConfidence` (default 0.8).
 */
export function matchChain(
  chain: Chain | ChainDefinition,
  query: string,
  options: MatchChainOptions = {},
): ChainMatch | undefined {
  const text = trimQuery(query);
  const keywords = chain.match.keywords ?? [];
  if (keywords.some((keyword) => findWord(text, keyword).length === 0)) return undefined;

  let best: ChainMatch | undefined;
  const consider = (candidate: ChainMatch | undefined) => {
    if (candidate !== undefined && (best === undefined || candidate.confidence > best.confidence))
      best = candidate;
  };
  const patterns = chain.match.patterns ?? [];
  for (const source of patterns) consider(matchPattern({ chain, source, text, options }));
  if ('custom' in chain && chain.custom !== undefined) {
    const found = chain.custom(query);
    if (found !== undefined) {
      const params = coerceAll(chain, found.params);
      const confidence = Math.min(1, Math.max(0, Number(found.confidence) || 0));
      if (params !== undefined) consider({ chain, params, confidence });
    }
  }
  if (patterns.length === 0) consider(matchEntities(chain, text, keywords));

  const minimum = chain.match.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  return best !== undefined && best.confidence >= minimum ? best : undefined;
}

function matchPattern(input: {
  chain: Chain | ChainDefinition;
  source: string;
  text: string;
  options: MatchChainOptions;
}): ChainMatch | undefined {
  const { chain, source, text, options } = input;
  const found = fullQueryPattern(source).exec(text);
  if (found === null) return undefined;
  const params: Record<string, unknown> = {};
  let confidence = PATTERN_CONFIDENCE;
  const refused: string[] = [];
  for (const [name, param] of Object.entries(chain.params)) {
    const raw = found.groups?.[name];
    if (raw === undefined) continue;
    const value = coerce(param, raw);
    if (value === undefined) return undefined;
    const mismatch = slotValueMismatch({ chain, name, param, value, options });
    if (mismatch !== undefined) {
      options.onNearMiss?.(`${chain.name}: parameter \`${name}\`: ${mismatch}`);
      if (options.onRefusedMatch === undefined) return undefined;
      refused.push(name);
    }
    const known = knownSpelling(param, value);
    if (known === undefined) confidence = Math.min(confidence, UNSEEN_VALUE_CONFIDENCE);
    params[name] = known ?? value;
  }
  if (!Object.keys(chain.params).every((name) => name in params)) return undefined;
  if (refused.length > 0) {
    options.onRefusedMatch?.({ chain, params, confidence: 0, refused });
    return undefined;
  }
  return { chain, params, confidence };
}

/**
 * Why a pattern's capture does not fit its learned slot (every item of a list must), or
 * `undefined`. The pattern explains the query's literal words; the slots must explain the rest.
 */
function slotValueMismatch(input: {
  chain: Chain | ChainDefinition;
  name: string;
  param: ChainParam;
  value: unknown;
  options: MatchChainOptions;
}): string | undefined {
  const { chain, name, param, value, options } = input;
  if (param.slot === undefined) return undefined;
  const constraints = findParamDestinations(chain.plan, name).map((destination) =>
    schemaConstraintsAt(options.schemaOf?.(destination.tool), destination.path),
  );
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item !== 'string' && typeof item !== 'number')
      return `\`${String(item)}\` is no value`;
    const mismatch = slotMismatch({
      profile: param.slot,
      value: item,
      ...(param.entities === undefined ? {} : { entities: param.entities }),
      constraints,
    });
    if (mismatch !== undefined) return mismatch;
  }
  return undefined;
}

function matchEntities(
  chain: Chain | ChainDefinition,
  text: string,
  keywords: readonly string[],
): ChainMatch | undefined {
  const covered: Array<[number, number]> = [];
  for (const keyword of keywords) covered.push(...findWord(text, keyword));
  const params: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(chain.params)) {
    // Longer entities first, so `New York` is found rather than `York` inside it.
    const entities = [...(param.entities ?? [])].sort((a, b) => b.length - a.length);
    const hits: Array<{ start: number; value: string }> = [];
    for (const entity of entities) {
      for (const [start, end] of findWord(text, entity)) {
        if (covered.some(([from, to]) => start < to && end > from)) continue;
        covered.push([start, end]);
        hits.push({ start, value: entity });
      }
    }
    hits.sort((a, b) => a.start - b.start);
    const values = [...new Set(hits.map((hit) => hit.value))];
    if (values.length === 0) return undefined;
    const coerced = param.type.endsWith('[]')
      ? coerce(param, values)
      : values.length === 1
        ? coerce(param, values[0] as string)
        : undefined;
    if (coerced === undefined) return undefined;
    params[name] = coerced;
  }
  // The chain relies on its lists: a name or number they do not know is a different request.
  for (const token of findEntityTokens(text)) {
    if (!covered.some(([from, to]) => token.start >= from && token.end <= to)) return undefined;
  }
  return {
    chain,
    params,
    confidence: keywords.length > 0 ? ENTITY_CONFIDENCE : ENTITY_WITHOUT_KEYWORDS_CONFIDENCE,
  };
}

function coerceAll(
  chain: Chain | ChainDefinition,
  raw: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const params: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(chain.params)) {
    const value = raw[name];
    if (value === undefined) return undefined;
    const coerced = coerce(param, value);
    if (coerced === undefined) return undefined;
    params[name] = coerced;
  }
  return params;
}

/** A value as its parameter's type, or `undefined` when it cannot be one. */
function coerce(param: ChainParam, value: unknown): unknown {
  const items = param.type.endsWith('[]')
    ? typeof value === 'string'
      ? value.split(LIST_SEPARATOR)
      : Array.isArray(value)
        ? value
        : undefined
    : [value];
  if (items === undefined) return undefined;
  const numeric = param.type.startsWith('number');
  const out: Array<string | number> = [];
  for (const item of items) {
    if (typeof item === 'string' && item.trim() === '') continue;
    const scalar = numeric ? toNumber(item) : toWord(param, item);
    if (scalar === undefined) return undefined;
    out.push(scalar);
  }
  if (out.length === 0) return undefined;
  return param.type.endsWith('[]') ? out : out[0];
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !NUMBER.test(value.trim())) return undefined;
  return Number(value.trim());
}

function toWord(param: ChainParam, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim();
  const entities = param.entities ?? [];
  // Only words were ever seen here: a number is another request, not a new value.
  if (NUMBER.test(word) && entities.length > 0 && !entities.some((each) => NUMBER.test(each)))
    return undefined;
  return word;
}

/** The value with each item in its listed spelling, or `undefined` when an item is not listed. */
function knownSpelling(param: ChainParam, value: unknown): unknown {
  const entities = param.entities;
  if (entities === undefined || entities.length === 0) return value;
  const lookup = (item: unknown) =>
    typeof item === 'string'
      ? entities.find((entity) => entity.toLowerCase() === item.toLowerCase())
      : item;
  if (Array.isArray(value)) {
    const items = value.map(lookup);
    return items.some((item) => item === undefined) ? undefined : items;
  }
  return lookup(value);
}
