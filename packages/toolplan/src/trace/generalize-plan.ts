import {
  normalizeParallelGroups,
  planSchema,
  planStepSchema,
  type Plan,
  type PlanStep,
} from '../plan/index.js';
import type { ChainParamType } from './chain-definition.js';
import { CHAIN_PARAMS_ID } from './chain-params-id.js';
import { findEntityTokens } from './find-entity-tokens.js';
import { escapeRegExp, findWord } from './find-word.js';
import { trimQuery } from './trim-query.js';
import { valueLeaves } from './value-leaves.js';

/** A query and its plan turned into a reusable form: the values of the query become parameters. */
export interface GeneralizedPlan {
  /** The query, normalised, with slots for its values: `weather in {city} and {city_2}`. */
  shape: string;
  /** A regular-expression source for queries of this shape; named groups are the parameters. */
  pattern: string;
  /** The plan with `$params.name` where the query's values stood. */
  template: Plan;
  /** Each parameter's type and the value it had in this query. */
  params: Record<string, { type: ChainParamType; value: string | number | Array<string | number> }>;
  /** Where each parameter goes: `{ param: 'city', to: 'w.city' }` (`stepId.argPath`). */
  queryArgs: Array<{ param: string; to: string }>;
}

type Scalar = string | number;
/** A place in the plan: a step's `args` (path inside them), its `forEach`, or the answer. */
type Place = { step: number; path: Array<string | number> } | { step: 'answer' };
interface Slot {
  name: string;
  type: ChainParamType;
  value: Scalar | Scalar[];
  start: number;
  end: number;
  /** Places whose whole value is the slot's value. */
  whole: Place[];
  /** Capture pattern for the slot's part of a query. */
  capture: string;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const WORD = String.raw`\p{L}[^\s,;:!?&]*`;
const TOKEN = String.raw`[^\s,;:!?&]+`;
const LIST_GAP = /^\s*(?:,\s*(?:and\s+)?|&|\band\b|,)\s*$/iu;
const LIST_JOIN = String.raw`\s*(?:,\s*(?:and\s+)?|&|\band\b)\s*`;
const REFERENCE_PART = /(\$\$|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+|\[\d+\])*)/;

/**
 * Generalises a query and the plan that answered it: every literal string or number in the plan's
 * arguments (and literal `forEach` lists) that occurs in the query becomes a parameter, found again
 * in later queries by a pattern that follows the original value's shape (a number, a k-word name,
 * a list of names). Returns `undefined` when reuse could not be trusted: an entity-looking part of
 * the query (a capitalised word, a number, a quoted string) that the plan does not contain (its
 * effect cannot be traced), a value that occurs twice, or a list whose items the answer names one
 * by one.
 */
export function generalizePlan(query: string, rawPlan: unknown): GeneralizedPlan | undefined {
  const plan = readPlan(rawPlan);
  if (plan === undefined) return undefined;
  const text = trimQuery(query);

  const scalars = new Map<string, { value: Scalar; places: Place[] }>();
  const lists: Array<{ values: Scalar[]; place: Place }> = [];
  const addScalar = (value: Scalar, place: Place) => {
    const key = `${typeof value}:${String(value).toLowerCase()}`;
    const entry = scalars.get(key) ?? { value, places: [] };
    entry.places.push(place);
    scalars.set(key, entry);
  };
  const walk = (value: unknown, step: number, path: Array<string | number>) => {
    if (typeof value === 'number' || (typeof value === 'string' && !value.includes('$'))) {
      addScalar(value, { step, path });
    } else if (Array.isArray(value)) {
      if (value.length > 0 && value.every(isScalar))
        lists.push({ values: value, place: { step, path } });
      value.forEach((item, index) => walk(item, step, [...path, index]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, step, [...path, key]);
    }
  };
  plan.steps.forEach((step, index) => {
    walk(step.args, index, ['args']);
    if (Array.isArray(step.forEach)) walk(step.forEach, index, ['forEach']);
  });

  const slots: Slot[] = [];
  const taken = new Set<string>();
  const name = (hint: string) => {
    const base = hint.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, '_') || 'value';
    let candidate = base;
    for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${base}_${suffix}`;
    taken.add(candidate);
    return candidate;
  };
  const claimed = new Set<string>();

  for (const list of lists) {
    const found = list.values.map((value) => findWord(text, String(value)));
    if (found.some((spans) => spans.length !== 1)) continue;
    const spans = found.map((spans) => spans[0] as [number, number]).sort((a, b) => a[0] - b[0]);
    const contiguous = spans.every(
      (span, index) =>
        index === 0 ||
        LIST_GAP.test(text.slice((spans[index - 1] as [number, number])[1], span[0])),
    );
    if (!contiguous || list.place.step === 'answer') continue;
    const ordered = spans.map(([start, end]) => valueLike(list.values, text.slice(start, end)));
    const numeric = list.values.every((value) => typeof value === 'number');
    const words = ordered.every((value) => /^\p{L}/u.test(String(value)));
    const item = numeric
      ? String.raw`-?\d+(?:\.\d+)?`
      : `${words ? WORD : TOKEN}(?:\\s+${words ? WORD : TOKEN}){0,2}`;
    const place = list.place;
    slots.push({
      name: name(listName(plan, place)),
      type: numeric ? 'number[]' : 'string[]',
      value: ordered,
      start: (spans[0] as [number, number])[0],
      end: (spans.at(-1) as [number, number])[1],
      whole: [place],
      capture: `${item}(?:${LIST_JOIN}${item})*`,
    });
    const prefix = JSON.stringify([place.step, ...place.path]).slice(0, -1);
    for (const entry of scalars.values()) {
      entry.places = entry.places.filter(
        (each) =>
          !JSON.stringify([each.step, ...(each.step === 'answer' ? [] : each.path)]).startsWith(
            prefix,
          ),
      );
    }
    for (const value of list.values) claimed.add(String(value).toLowerCase());
  }

  for (const { value, places } of scalars.values()) {
    const wording = String(value);
    if (places.length === 0 || (typeof value === 'string' && wording.trim().length < 2)) continue;
    const spans = findWord(text, wording);
    if (spans.length === 0) continue;
    if (spans.length > 1) return undefined;
    const [start, end] = spans[0] as [number, number];
    const first = places[0] as Place;
    slots.push({
      name: name(first.step === 'answer' ? 'value' : placeName(plan, first)),
      type: typeof value === 'number' ? 'number' : 'string',
      value,
      start,
      end,
      whole: places,
      capture: captureFor(text.slice(start, end)),
    });
  }

  // Entity-looking parts of the query that stand inside a longer literal (`"restaurants in Boston"`).
  const literals = literalStrings(plan);
  for (const token of findEntityTokens(text)) {
    const [start, end] = innerSpan(token);
    if (slots.some((slot) => start >= slot.start && end <= slot.end)) continue;
    const wording = text.slice(start, end);
    const host = literals.find((literal) => findWord(literal.text, wording).length > 0);
    if (host === undefined || findWord(text, wording).length !== 1) return undefined;
    slots.push({
      name: name(host.place.step === 'answer' ? 'value' : placeName(plan, host.place)),
      type: NUMBER.test(wording) ? 'number' : 'string',
      value: NUMBER.test(wording) ? Number(wording) : wording,
      start,
      end,
      whole: [],
      capture: captureFor(wording),
    });
  }
  if (slots.length === 0) return undefined;

  slots.sort((a, b) => a.start - b.start);
  for (let index = 1; index < slots.length; index += 1) {
    if ((slots[index] as Slot).start < (slots[index - 1] as Slot).end) return undefined;
  }

  const template = structuredClone(plan);
  for (const slot of slots) {
    for (const place of slot.whole) {
      if (place.step !== 'answer') setAt(template, place, `$${CHAIN_PARAMS_ID}.${slot.name}`);
    }
  }
  const scalarSlots = slots.filter((slot) => !Array.isArray(slot.value));
  const embed = (literal: string): string | undefined => {
    for (const item of claimed) {
      if (
        findWord(literal, item).length > 0 &&
        !scalarSlots.some((slot) => String(slot.value).toLowerCase() === item)
      )
        return undefined;
    }
    let out = literal;
    for (const slot of scalarSlots) {
      out = replaceWord(out, String(slot.value), `\${${CHAIN_PARAMS_ID}.${slot.name}}`);
    }
    return out;
  };
  let refused = false;
  const rewriteStrings = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (value.startsWith(`$${CHAIN_PARAMS_ID}.`)) return value;
      const rewritten = rewriteLiteralParts(value, embed);
      if (rewritten === undefined) refused = true;
      return rewritten;
    }
    if (Array.isArray(value)) return value.map(rewriteStrings);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, rewriteStrings(item)]),
      );
    return value;
  };
  for (const step of template.steps)
    step.args = rewriteStrings(step.args) as Record<string, unknown>;
  if (template.answer !== undefined) template.answer = rewriteStrings(template.answer) as string;
  if (refused) return undefined;

  let shape = '';
  let pattern = '';
  let cursor = 0;
  for (const slot of slots) {
    const literal = text.slice(cursor, slot.start).toLowerCase();
    shape += `${literal}{${slot.name}}`;
    pattern += `${literalPattern(literal)}(?<${slot.name}>${slot.capture})`;
    cursor = slot.end;
  }
  const tail = text.slice(cursor).toLowerCase();
  shape += tail;
  pattern += literalPattern(tail);

  const params: GeneralizedPlan['params'] = {};
  const queryArgs: GeneralizedPlan['queryArgs'] = [];
  for (const slot of [...slots].sort((a, b) => a.name.localeCompare(b.name))) {
    params[slot.name] = { type: slot.type, value: slot.value };
  }
  for (const slot of slots) {
    const reference = new RegExp(`\\$\\{?${CHAIN_PARAMS_ID}\\.${slot.name}(?![A-Za-z0-9_])`);
    template.steps.forEach((step) => {
      for (const [key, value] of valueLeaves(step.args, [])) {
        if (typeof value === 'string' && reference.test(value))
          queryArgs.push({ param: slot.name, to: `${step.id}.${key.join('.')}` });
      }
      if (typeof step.forEach === 'string' && reference.test(step.forEach))
        queryArgs.push({ param: slot.name, to: `${step.id}.forEach` });
    });
  }
  return { shape, pattern, template, params, queryArgs };
}

function readPlan(raw: unknown): Plan | undefined {
  const top = planSchema.safeParse(normalizeParallelGroups(raw));
  if (!top.success || top.data.steps.length === 0) return undefined;
  const steps: PlanStep[] = [];
  for (const step of top.data.steps) {
    const parsed = planStepSchema.safeParse(step);
    if (!parsed.success) return undefined;
    steps.push(parsed.data as PlanStep);
  }
  const plan: Plan = { steps };
  if (typeof top.data.answer === 'string') plan.answer = top.data.answer;
  if (top.data.needsReasoning !== undefined) plan.needsReasoning = top.data.needsReasoning;
  return structuredClone(plan);
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'number' || (typeof value === 'string' && !value.includes('$'));
}

/** The query's wording of a list item, typed like the plan's items. */
function valueLike(values: readonly Scalar[], wording: string): Scalar {
  return values.every((value) => typeof value === 'number') ? Number(wording) : wording;
}

function captureFor(wording: string): string {
  if (NUMBER.test(wording)) return String.raw`-?\d+(?:\.\d+)?`;
  const words = wording.split(/\s+/);
  // Words take one to three words (or as many as seen): `New York` and `Paris` are one shape.
  // What the slot may hold is then decided by its learned kind, not by the count alone.
  if (words.every((word) => /^\p{L}/u.test(word)))
    return `${WORD}(?:\\s+${WORD}){0,${Math.max(2, words.length - 1)}}`;
  return wording
    .split(/\s+/)
    .map((word) => (/^\p{L}/u.test(word) ? WORD : TOKEN))
    .join(String.raw`\s+`);
}

function literalPattern(literal: string): string {
  return escapeRegExp(literal).replace(/\s+/g, String.raw`\s+`);
}

function placeName(plan: Plan, place: Place): string {
  if (place.step === 'answer') return 'value';
  const key = [...place.path].reverse().find((segment) => typeof segment === 'string');
  return key === undefined || key === 'args'
    ? `${plan.steps[place.step]?.id ?? 'step'}_value`
    : key;
}

/** A list is named after the argument that takes its items (`city` → `city_list`). */
function listName(plan: Plan, place: Place): string {
  if (place.step === 'answer') return 'values';
  if (place.path[0] === 'forEach') {
    const args = plan.steps[place.step]?.args ?? {};
    const itemKey = Object.entries(args).find(([, value]) => value === '$item')?.[0];
    return `${itemKey ?? 'item'}_list`;
  }
  return placeName(plan, place);
}

function innerSpan(token: { start: number; end: number; text: string }): [number, number] {
  return /^["“]/u.test(token.text) ? [token.start + 1, token.end - 1] : [token.start, token.end];
}

function literalStrings(plan: Plan): Array<{ text: string; place: Place }> {
  const found: Array<{ text: string; place: Place }> = [];
  plan.steps.forEach((step, index) => {
    for (const [path, value] of valueLeaves(step.args, ['args'])) {
      if (typeof value === 'string')
        found.push({ text: literalPartsOf(value), place: { step: index, path } });
    }
  });
  if (plan.answer !== undefined)
    found.push({ text: literalPartsOf(plan.answer), place: { step: 'answer' } });
  return found;
}

function literalPartsOf(text: string): string {
  return text
    .split(REFERENCE_PART)
    .filter((_, index) => index % 2 === 0)
    .join(' ');
}

function setAt(
  plan: Plan,
  place: { step: number; path: Array<string | number> },
  value: string,
): void {
  let target: unknown = plan.steps[place.step];
  const path = place.path;
  for (const segment of path.slice(0, -1))
    target = (target as Record<string | number, unknown>)[segment];
  (target as Record<string | number, unknown>)[path.at(-1) as string | number] = value;
}

/**
 * Rewrites the literal parts of a plan string (references and `$$` are left alone); `undefined`
 * when a part cannot be rewritten.
 */
function rewriteLiteralParts(
  text: string,
  rewrite: (literal: string) => string | undefined,
): string | undefined {
  const parts = text.split(REFERENCE_PART);
  const out: string[] = [];
  for (const [index, part] of parts.entries()) {
    if (index % 2 === 1) {
      out.push(part);
      continue;
    }
    const rewritten = rewrite(part);
    if (rewritten === undefined) return undefined;
    out.push(rewritten);
  }
  return out.join('');
}

function replaceWord(text: string, word: string, replacement: string): string {
  const spans = findWord(text, word);
  let out = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    out += text.slice(cursor, start) + replacement;
    cursor = end;
  }
  return out + text.slice(cursor);
}
