import {
  FOR_EACH_INDEX,
  FOR_EACH_ITEM,
  formatPathSegment,
  type CompiledValue,
  type PathSegment,
  type Reference,
} from '../plan/index.js';
import type { ValueSource } from '../tools/index.js';
import type { StepState } from './step-state.js';

/**
 * Where the values of a run's steps come from (DESIGN.md, "Trust"), derived from the plan's
 * references rather than carried on each value: a plan fixes every data flow before any tool
 * runs, so a step's arguments can only hold literals of the plan and parts of the results it
 * references. This is why provenance needs no wrapper around values and survives every way a
 * call can be served — batching, the result cache, single flight, speculation — all of which
 * serve a call of the same tool with the same arguments, and so the same sources.
 *
 * - A literal is `query` when the user's query holds it (a string, case-insensitively; a number
 *   or boolean as a word), else `plan`, trusted unless the step was planned after untrusted
 *   output.
 * - A reference to a step is that step's result sources: its own tool's source (with the path
 *   read) and every source of the arguments it was called with, since a tool may echo its input.
 * - `$item` is the sources of the step's `forEach`, read at `[]`; `$index` too (its length is
 *   the array's).
 * - A given result (`results`) has the sources given with it, else an untrusted `earlier` one.
 *
 * Sources are computed once per step, when a policy or the run's result asks for them, and are
 * deduplicated, so their number is bounded by the plan's size, not by its results.
 */
export class StepProvenance {
  readonly #runId: string;
  readonly #query: string | undefined;
  readonly #queryWords: ReadonlySet<string>;
  readonly #plannedAfterUntrusted: boolean | undefined;
  readonly #given: Readonly<Record<string, readonly ValueSource[]>>;
  readonly #stepOf: (id: string) => StepState | undefined;
  readonly #results = new Map<StepState, readonly ValueSource[]>();
  readonly #arguments = new Map<StepState, Readonly<Record<string, readonly ValueSource[]>>>();

  constructor(options: {
    runId: string;
    query: string | undefined;
    /** For every step; `undefined` leaves it to each step's own mark. */
    plannedAfterUntrusted: boolean | undefined;
    given: Readonly<Record<string, readonly ValueSource[]>>;
    stepOf: (id: string) => StepState | undefined;
  }) {
    this.#runId = options.runId;
    this.#query = options.query?.toLowerCase();
    this.#queryWords = new Set(
      (this.#query ?? '').split(/[^\p{L}\p{N}.+-]+/u).filter((word) => word !== ''),
    );
    this.#plannedAfterUntrusted = options.plannedAfterUntrusted;
    this.#given = options.given;
    this.#stepOf = options.stepOf;
  }

  /** The step was planned by a model call whose prompt held untrusted output. */
  plannedAfterUntrusted(state: StepState): boolean {
    return this.#plannedAfterUntrusted ?? state.validated.step.plannedAfterUntrusted === true;
  }

  /** The sources of each top-level argument (key `''` when the arguments are not an object). */
  argumentSources(state: StepState): Readonly<Record<string, readonly ValueSource[]>> {
    const known = this.#arguments.get(state);
    if (known !== undefined) return known;
    const args = state.validated.args;
    const bySource: Record<string, readonly ValueSource[]> = {};
    if (args.kind === 'object') {
      for (const [key, value] of args.entries) bySource[key] = this.#valueSources(state, value);
    } else if (
      args.kind === 'literal' &&
      typeof args.value === 'object' &&
      args.value !== null &&
      !Array.isArray(args.value)
    ) {
      for (const [key, value] of Object.entries(args.value)) {
        bySource[key] = this.#valueSources(state, { kind: 'literal', value });
      }
    } else {
      bySource[''] = this.#valueSources(state, args);
    }
    this.#arguments.set(state, bySource);
    return bySource;
  }

  /** The sources of the step's result: its tool's, and every source of its arguments. */
  resultSources(state: StepState): readonly ValueSource[] {
    const known = this.#results.get(state);
    if (known !== undefined) return known;
    const sources = new SourceSet();
    sources.add({
      kind: 'tool',
      tool: state.tool.name,
      stepId: state.id,
      runId: this.#runId,
      path: '',
      trusted: state.tool.trusted === true,
    });
    for (const list of Object.values(this.argumentSources(state))) sources.addAll(list);
    if (state.validated.forEach !== undefined) {
      sources.addAll(this.#valueSources(state, state.validated.forEach));
    }
    const list = sources.list();
    this.#results.set(state, list);
    return list;
  }

  #valueSources(state: StepState, value: CompiledValue): readonly ValueSource[] {
    const sources = new SourceSet();
    // Iterative: a plan's depth is bounded by validation, but its breadth is not.
    const stack: CompiledValue[] = [value];
    while (stack.length > 0) {
      const next = stack.pop() as CompiledValue;
      switch (next.kind) {
        case 'literal':
          this.#literalSources(state, next.value, sources);
          break;
        case 'reference':
          sources.addAll(this.#referenceSources(state, next.reference));
          break;
        case 'template':
          for (const part of next.parts) {
            if (typeof part === 'string') this.#literalSources(state, part, sources);
            else sources.addAll(this.#referenceSources(state, part));
          }
          break;
        // Pushed last to first, so sources come out in the order they are written.
        case 'array':
          for (let index = next.items.length - 1; index >= 0; index -= 1) {
            stack.push(next.items[index] as CompiledValue);
          }
          break;
        case 'object':
          for (let index = next.entries.length - 1; index >= 0; index -= 1) {
            stack.push((next.entries[index] as readonly [string, CompiledValue])[1]);
          }
          break;
      }
    }
    return sources.list();
  }

  #literalSources(state: StepState, value: unknown, sources: SourceSet): void {
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const next = stack.pop();
      if (Array.isArray(next)) stack.push(...(next as unknown[]).toReversed());
      else if (typeof next === 'object' && next !== null)
        stack.push(...Object.values(next).toReversed());
      else if (this.#inQuery(next)) sources.add(QUERY);
      else sources.add(this.plannedAfterUntrusted(state) ? UNTRUSTED_PLAN : TRUSTED_PLAN);
    }
  }

  #inQuery(value: unknown): boolean {
    const query = this.#query;
    if (query === undefined) return false;
    if (typeof value === 'string') {
      const text = value.trim().toLowerCase();
      return text !== '' && query.includes(text);
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      return this.#queryWords.has(String(value).toLowerCase());
    }
    return false;
  }

  #referenceSources(state: StepState, reference: Reference): readonly ValueSource[] {
    const { root, path } = reference;
    const { forEach } = state.validated;
    if (forEach !== undefined && (root === FOR_EACH_ITEM || root === FOR_EACH_INDEX)) {
      const sources = this.#valueSources(state, forEach);
      // Items of another step's array are read at `[]`; a literal array's items are its elements,
      // whose sources are the array's (which element, the run decides).
      if (forEach.kind !== 'reference') return sources;
      const itemPath = root === FOR_EACH_ITEM ? `[]${formatPath(path)}` : '[]';
      return sources.map((source) => withPath(source, itemPath));
    }
    const step = this.#stepOf(root);
    const text = formatPath(path);
    if (step !== undefined) {
      return this.resultSources(step).map((source) =>
        source.kind === 'tool' && source.stepId === step.id && source.runId === this.#runId
          ? { ...source, path: text }
          : source,
      );
    }
    return (
      this.#given[root] ?? [
        { kind: 'earlier', stepId: root, path: text, trusted: false } satisfies ValueSource,
      ]
    );
  }
}

const QUERY: ValueSource = Object.freeze({ kind: 'query', trusted: true });
const TRUSTED_PLAN: ValueSource = Object.freeze({ kind: 'plan', trusted: true });
const UNTRUSTED_PLAN: ValueSource = Object.freeze({ kind: 'plan', trusted: false });

function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) text += formatPathSegment(segment);
  return text;
}

/** A `forEach` item read from a source: the path goes on from the array's. */
function withPath(source: ValueSource, suffix: string): ValueSource {
  if (source.kind !== 'tool' && source.kind !== 'earlier') return source;
  return { ...source, path: `${source.path}${suffix}` };
}

/** Sources without repeats, in the order first seen. */
class SourceSet {
  readonly #byKey = new Map<string, ValueSource>();

  add(source: ValueSource): void {
    const key =
      source.kind === 'tool'
        ? `tool\u0000${source.runId}\u0000${source.stepId}\u0000${source.path}`
        : source.kind === 'earlier'
          ? `earlier\u0000${source.stepId}\u0000${source.path}`
          : `${source.kind}\u0000${String(source.trusted)}`;
    if (!this.#byKey.has(key)) this.#byKey.set(key, source);
  }

  addAll(sources: readonly ValueSource[]): void {
    for (const source of sources) this.add(source);
  }

  list(): readonly ValueSource[] {
    return [...this.#byKey.values()];
  }
}
