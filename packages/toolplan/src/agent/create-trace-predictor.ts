import { stringify } from 'safe-stable-stringify';
import { compileValue, FOR_EACH_INDEX, FOR_EACH_ITEM, resolveValue } from '../plan/index.js';
import type { PredictedCall, Predictor } from '../runtime/index.js';
import type { TraceRun } from '../trace/index.js';
import {
  entityShape,
  extractQueryEntities,
  type EntityShape,
  type QueryEntity,
} from './extract-query-entities.js';

export interface TracePredictorOptions {
  /** Recorded runs; those with a plan teach the predictor (others are ignored). */
  runs: readonly TraceRun[];
  /**
   * How alike (Jaccard over the queries' words, entities left out) a recorded query must be to
   * count as similar.
   * @default 0.3
   */
  minSimilarity?: number;
  /**
   * Most calls proposed from one learnt call shape (its slots filled with every fitting entity).
   * @default 8
   */
  maxCallsPerShape?: number;
  /** @default 'trace' */
  name?: string;
}

/** Where a query's entity went in a recorded call: the whole argument, or part of a string. */
interface Slot {
  $slot: EntityShape;
  prefix: string;
  suffix: string;
  numeric: boolean;
}

interface CallShape {
  tool: string;
  /** The arguments with `Slot`s where the recorded query's entities were. */
  args: unknown;
  slots: number;
}

interface LearntRun {
  words: Set<string>;
  /** Keys of the call shapes its plan started with. */
  shapes: Set<string>;
}

/**
 * A predictor learnt from the trace log (issue #9, (b)): for queries like the new one, which
 * calls their plans started with — the steps that needed no other step — and which of their
 * arguments came from the query's entities (a city, a company, a date). At prediction time it
 * fills those places with the new query's entities of the same kind and proposes each call with
 * the share of similar runs that made such a call, discounted while few runs are similar
 * (`n / (n + 1)`), as its confidence.
 */
export function createTracePredictor(options: TracePredictorOptions): Predictor {
  const minSimilarity = options.minSimilarity ?? 0.3;
  if (!(minSimilarity > 0 && minSimilarity <= 1)) {
    throw new TypeError(
      `Expected \`minSimilarity\` to be a number in (0, 1], got \`${String(minSimilarity)}\``,
    );
  }
  const maxCallsPerShape = options.maxCallsPerShape ?? 8;
  if (!(Number.isInteger(maxCallsPerShape) && maxCallsPerShape > 0)) {
    throw new TypeError(
      `Expected \`maxCallsPerShape\` to be a positive integer, got \`${String(maxCallsPerShape)}\``,
    );
  }
  const shapes = new Map<string, CallShape>();
  /** Values recorded runs filled slots with: a sentence-initial name seen there is a name. */
  const seenValues = new Set<string>();
  const learnt: LearntRun[] = [];
  for (const run of options.runs) {
    const entities = extractQueryEntities(run.query);
    const runShapes = new Set<string>();
    for (const call of firstCalls(run.plan)) {
      const shape = toCallShape(call, entities, seenValues);
      const key = stringify(shape) ?? '';
      shapes.set(key, shape);
      runShapes.add(key);
    }
    if (runShapes.size > 0) learnt.push({ words: words(run.query, entities), shapes: runShapes });
  }
  return {
    name: options.name ?? 'trace',
    predict({ query, entities: given, results }) {
      if (results.length > 0 || learnt.length === 0) return [];
      const entities =
        given === undefined
          ? extractQueryEntities(query).filter(
              (entity) => !entity.sentenceInitial || seenValues.has(entity.text),
            )
          : given.map((text) => ({ text, shape: entityShape(text), sentenceInitial: false }));
      const queryWords = words(query, entities);
      const similar = learnt
        .map((run) => ({ run, similarity: jaccard(queryWords, run.words) }))
        .filter(({ similarity }) => similarity >= minSimilarity);
      if (similar.length === 0) return [];
      const total = similar.reduce((sum, { similarity }) => sum + similarity, 0);
      const support = similar.length / (similar.length + 1);
      const weights = new Map<string, number>();
      for (const { run, similarity } of similar) {
        for (const key of run.shapes) weights.set(key, (weights.get(key) ?? 0) + similarity);
      }
      return [...weights].flatMap(([key, weight]) => {
        const shape = shapes.get(key) as CallShape;
        const confidence = (weight / total) * support;
        return fillSlots(shape, entities, maxCallsPerShape).map((args): PredictedCall => ({
          tool: shape.tool,
          args,
          confidence,
        }));
      });
    },
  };
}

/** The calls of a recorded plan's steps that referenced no other step, `forEach` expanded. */
function firstCalls(plan: unknown): Array<{ tool: string; args: unknown }> {
  const steps = (plan as { steps?: unknown } | undefined)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((raw: unknown) => {
    const step = raw as { tool?: unknown; args?: unknown; forEach?: unknown; after?: unknown };
    if (typeof step.tool !== 'string' || step.after !== undefined) return [];
    const tool = step.tool;
    const args = compileValue(step.args ?? {});
    const items = step.forEach === undefined ? undefined : compileValue(step.forEach);
    const refersToSteps = [...args.references, ...(items?.references ?? [])].some(
      ({ reference }) => reference.root !== FOR_EACH_ITEM && reference.root !== FOR_EACH_INDEX,
    );
    if (refersToSteps || args.problems.length > 0) return [];
    const scope = { results: new Map<string, unknown>() };
    try {
      if (items === undefined) return [{ tool, args: resolveValue(args.value, scope) }];
      const list = resolveValue(items.value, scope);
      if (!Array.isArray(list)) return [];
      return list.map((item, index) => ({
        tool,
        args: resolveValue(args.value, { ...scope, forEach: { item, index } }),
      }));
    } catch {
      return [];
    }
  });
}

function toCallShape(
  call: { tool: string; args: unknown },
  entities: readonly QueryEntity[],
  seen: Set<string>,
): CallShape {
  let slots = 0;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      // The longest entity inside the string: "New York" rather than "York".
      const entity = entities
        .filter((candidate) => value.includes(candidate.text))
        .sort((left, right) => right.text.length - left.text.length)[0];
      if (entity === undefined) return value;
      slots += 1;
      seen.add(entity.text);
      const at = value.indexOf(entity.text);
      const slot: Slot = {
        $slot: entity.shape,
        prefix: value.slice(0, at),
        suffix: value.slice(at + entity.text.length),
        numeric: false,
      };
      return slot;
    }
    if (typeof value === 'number') {
      const entity = entities.find(
        (candidate) => candidate.shape === 'number' && Number(candidate.text) === value,
      );
      if (entity === undefined) return value;
      slots += 1;
      return { $slot: 'number', prefix: '', suffix: '', numeric: true } satisfies Slot;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    return value;
  };
  const args = walk(call.args);
  return { tool: call.tool, args, slots };
}

function isSlot(value: unknown): value is Slot {
  return typeof value === 'object' && value !== null && '$slot' in value;
}

/** Every way to fill the shape's slots with entities of the right kind, up to `limit`. */
function fillSlots(shape: CallShape, entities: readonly QueryEntity[], limit: number): unknown[] {
  const slots: Slot[] = [];
  const collect = (value: unknown): void => {
    if (isSlot(value)) slots.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect);
  };
  collect(shape.args);
  const choices = slots.map((slot) => [
    ...new Set(entities.filter((entity) => entity.shape === slot.$slot).map(({ text }) => text)),
  ]);
  if (choices.some((options) => options.length === 0)) return [];
  let combinations: string[][] = [[]];
  for (const options of choices) {
    combinations = combinations
      .flatMap((partial) => options.map((option) => [...partial, option]))
      .slice(0, limit);
  }
  return combinations.map((values) => {
    let next = 0;
    const fill = (value: unknown): unknown => {
      if (isSlot(value)) {
        const text = values[next] as string;
        next += 1;
        return value.numeric ? Number(text) : `${value.prefix}${text}${value.suffix}`;
      }
      if (Array.isArray(value)) return value.map(fill);
      if (typeof value === 'object' && value !== null)
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item)]));
      return value;
    };
    return fill(shape.args);
  });
}

/** The query's words of three letters or more, its entities left out (they vary between runs). */
function words(query: string, entities: readonly QueryEntity[]): Set<string> {
  let rest = query;
  for (const entity of entities) rest = rest.split(entity.text).join(' ');
  return new Set((rest.toLowerCase().match(/\p{L}{3,}/gu) ?? []).map((word) => word));
}

function jaccard(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}
