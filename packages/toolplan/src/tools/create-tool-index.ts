import { createRequire } from 'node:module';
import { LRUCache } from 'lru-cache';
import type MiniSearchType from 'minisearch';
import { countTokens } from './count-tokens.js';
import { renderToolSignature } from './render-tool-signature.js';
import type { ToolRegistry } from './tool-registry.js';
import type { JsonSchema } from './tool.js';
import { toolWords } from './tool-words.js';

const require = createRequire(import.meta.url);
let MiniSearch: typeof MiniSearchType | undefined;

/** One tool found for a text, with its BM25 score (comparable only within one search). */
export interface ToolMatch {
  name: string;
  score: number;
}

/**
 * A full-text index of a catalog of tools (BM25, by the `minisearch` library): each tool's name,
 * description and parameters (their names, descriptions and the values they allow), as
 * {@link toolWords} reads them. No model call and no network: a search is a lookup in memory.
 */
export interface ToolIndex {
  /** Every tool's name, in the catalog's order. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** Tokens (o200k) of every tool's signature together: the catalog as a prompt renders it. */
  readonly totalTokens: number;
  /** A tool's compact signature, as the planner's prompt renders it (`renderToolSignature`). */
  signature(name: string): string;
  /** Tokens (o200k) of that signature and the line break after it. */
  tokens(name: string): number;
  /** Every tool that shares a word with `text`, best first; `[]` when none does. */
  search(text: string): ToolMatch[];
}

/**
 * How much a word counts where it is found: a tool's name says most about what it does, its
 * parameters least (they repeat the domain's nouns — `city`, `date`, `amount` — across tools).
 * Measured on BFCL's catalog (628 functions, 400 requests): 2 / 1 / 0.5 missed 3 needed tools at
 * a 4,000-token budget, 3 / 1 / 0.3 missed 5, 1 / 1 / 1 missed 4.
 */
const FIELD_BOOSTS = { name: 2, description: 1, parameters: 0.5 };

/** Indexes are kept for the catalogs seen last, by content: runs with the same tools share one. */
const indexes = new LRUCache<string, ToolIndex>({ max: 8 });

/**
 * The index of `tools`, built once per catalog (a catalog is the same when its signatures are:
 * an agent's runs, and runs given a copy of the same tools, share the index).
 */
export function createToolIndex(tools: ToolRegistry): ToolIndex {
  const signatures = new Map(
    tools.list().map((tool) => [
      tool.name,
      renderToolSignature({
        name: tool.name,
        description: tool.description,
        jsonSchema: tool.inputSchema.jsonSchema,
      }),
    ]),
  );
  const key = [...signatures.values()].join('\n');
  const known = indexes.get(key);
  if (known !== undefined) return known;
  const index = buildIndex(tools, signatures);
  indexes.set(key, index);
  return index;
}

function buildIndex(tools: ToolRegistry, signatures: ReadonlyMap<string, string>): ToolIndex {
  MiniSearch ??= require('minisearch') as typeof MiniSearchType;
  const names = tools.names();
  const search = new MiniSearch<{
    id: number;
    name: string;
    description: string;
    parameters: string;
  }>({
    fields: ['name', 'description', 'parameters'],
    // The text is split and normalised by `toolWords` before it reaches the index.
    tokenize: (text) => text.split(' '),
    processTerm: (term) => (term === '' ? null : term),
    searchOptions: { boost: FIELD_BOOSTS, combineWith: 'OR' },
  });
  search.addAll(
    tools.list().map((tool, id) => ({
      id,
      name: toolWords(tool.name).join(' '),
      description: toolWords(tool.description).join(' '),
      parameters: toolWords(parameterText(tool.inputSchema.jsonSchema)).join(' '),
    })),
  );
  // A line break joins signatures in the prompt: it is counted with the signature it follows.
  const tokens = new Map(
    [...signatures].map(([name, signature]) => [name, countTokens(signature) + 1]),
  );
  const totalTokens = [...tokens.values()].reduce((sum, each) => sum + each, 0);
  const known = new Set(names);
  return {
    names,
    has: (name) => known.has(name),
    totalTokens,
    signature: (name) => signatures.get(name) ?? '',
    tokens: (name) => tokens.get(name) ?? 0,
    search(text) {
      const words = toolWords(text);
      if (words.length === 0) return [];
      return search
        .search(words.join(' '))
        .map((match) => ({ name: names[match.id as number] as string, score: match.score }));
    },
  };
}

/** Bound on nesting read for the index: deeper parameters say little about the tool. */
const MAX_SCHEMA_DEPTH = 4;

/**
 * The words of a tool's parameters: each property's name and description, the string values an
 * `enum` allows (`avoid: ("tolls" | "ferries")[]` is found by "avoid tolls"), down through nested
 * objects, array items and unions.
 */
export function parameterText(schema: JsonSchema, depth = 0): string {
  if (depth > MAX_SCHEMA_DEPTH) return '';
  const parts: string[] = [];
  const values = schema['enum'];
  if (Array.isArray(values))
    parts.push(...values.filter((value): value is string => typeof value === 'string'));
  const properties = schema['properties'];
  if (isRecord(properties)) {
    for (const [name, property] of Object.entries(properties)) {
      parts.push(name);
      if (!isRecord(property)) continue;
      if (typeof property['description'] === 'string') parts.push(property['description']);
      parts.push(parameterText(property, depth + 1));
    }
  }
  const items = schema['items'];
  if (isRecord(items)) parts.push(parameterText(items, depth + 1));
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const members = schema[key];
    if (Array.isArray(members))
      for (const member of members)
        if (isRecord(member)) parts.push(parameterText(member, depth + 1));
  }
  return parts.filter((part) => part !== '').join(' ');
}

function isRecord(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
