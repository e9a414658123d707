import {
  FOR_EACH_INDEX,
  FOR_EACH_ITEM,
  formatPathSegment,
  type CompiledValue,
  type PathSegment,
  type Reference,
} from '../plan/index.js';
import type { ToolResultSource, ValueSource } from '../tools/index.js';
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
 * - A reference to a step is that step's own source: its tool, the path read, and `trusted` only
 *   when the tool is `trusted` and every source of the arguments it was called with is too — a
 *   tool may echo its input, so untrusted data taints every result made from it, however many
 *   steps it passes through. The taint travels as that one flag, so a step's sources are as many
 *   as its own references, never the whole chain behind them.
 * - `$item` is the sources of the step's `forEach`, read at `[]`; `$index` too (its length is
 *   the array's).
 * - A given result (`results`) has the sources given with it, else an untrusted `earlier` one.
 *
 * Sources are computed once per step, when a policy or the run's result asks for them (steps it
 * depends on first, without recursion, so a chain of any length costs no stack), and are
 * deduplicated: their number is bounded by the step's references, not by its results.
 */
export class StepProvenance {
  readonly #runId: string;
  readonly #query: string | undefined;
  readonly #queryWords: ReadonlySet<string>;
  readonly #plannedAfterUntrusted: boolean | undefined;
  readonly #given: Readonly<Record<string, readonly ValueSource[]>>;
  readonly #stepOf: (id: string) => StepState | undefined;
  readonly #results = new Map<StepState, readonly ValueSource[]>();
  readonly #own = new Map<StepState, ToolResultSource>();
  readonly #arguments = new Map<StepState, Readonly<Record<string, readonly ValueSource[]>>>();
  readonly #forEach = new Map<StepState, readonly ValueSource[]>();

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
    this.#computeDependencies(state);
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

  /**
   * The sources of the step's result: its own (tainted when any input is untrusted), and those
   * of its arguments and its `forEach`.
   */
  resultSources(state: StepState): readonly ValueSource[] {
    const known = this.#results.get(state);
    if (known !== undefined) return known;
    const sources = new SourceSet();
    sources.add(this.#ownSource(state));
    for (const list of Object.values(this.argumentSources(state))) sources.addAll(list);
    sources.addAll(this.#forEachSources(state));
    const list = sources.list();
    this.#results.set(state, list);
    return list;
  }

  /** The step's own source: its tool's, trusted only if the tool and every input are. */
  #ownSource(state: StepState): ToolResultSource {
    const known = this.#own.get(state);
    if (known !== undefined) return known;
    const inputs = [...Object.values(this.argumentSources(state)), this.#forEachSources(state)];
    const own: ToolResultSource = {
      kind: 'tool',
      tool: state.tool.name,
      stepId: state.id,
      runId: this.#runId,
      path: '',
      trusted:
        state.tool.trusted === true &&
        inputs.every((list) => list.every((source) => source.trusted)),
    };
    this.#own.set(state, own);
    return own;
  }

  /** The sources of the step's `forEach`, once: its own sources and every `$item` read them. */
  #forEachSources(state: StepState): readonly ValueSource[] {
    const known = this.#forEach.get(state);
    if (known !== undefined) return known;
    const { forEach } = state.validated;
    const sources = forEach === undefined ? [] : this.#valueSources(state, forEach);
    this.#forEach.set(state, sources);
    return sources;
  }

  /**
   * Computes the own sources of every step `state` depends on, deepest first, with a stack of
   * its own: a chain of thousands of steps must not recurse thousands of frames deep.
   */
  #computeDependencies(state: StepState): void {
    const stack: Array<{ step: StepState; expanded: boolean }> = [{ step: state, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { step: StepState; expanded: boolean };
      if (top.expanded) {
        stack.pop();
        if (top.step !== state && !this.#own.has(top.step)) this.#ownSource(top.step);
        continue;
      }
      top.expanded = true;
      for (const id of top.step.validated.dependencies) {
        const dependency = this.#stepOf(id);
        if (dependency !== undefined && !this.#own.has(dependency)) {
          stack.push({ step: dependency, expanded: false });
        }
      }
    }
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
      const sources = this.#forEachSources(state);
      // Items of another step's array are read at `[]`; a literal array's items are its elements,
      // whose sources are the array's (which element, the run decides).
      if (forEach.kind !== 'reference') return sources;
      const itemPath = root === FOR_EACH_ITEM ? `[]${formatPath(path)}` : '[]';
      return sources.map((source) => withPath(source, itemPath));
    }
    const step = this.#stepOf(root);
    const text = formatPath(path);
    if (step !== undefined) return [{ ...this.#ownSource(step), path: text }];
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

/**
 * Sources without repeats, in the order first seen. A list searched linearly: a step's sources are
 * as many as its references (a handful), where building a key string per source would cost more.
 */
class SourceSet {
  readonly #sources: ValueSource[] = [];

  add(source: ValueSource): void {
    for (const known of this.#sources) if (sameSource(known, source)) return;
    this.#sources.push(source);
  }

  addAll(sources: readonly ValueSource[]): void {
    for (const source of sources) this.add(source);
  }

  list(): readonly ValueSource[] {
    return this.#sources;
  }
}

function sameSource(a: ValueSource, b: ValueSource): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.trusted !== b.trusted) return false;
  if (a.kind === 'tool' && b.kind === 'tool') {
    return a.stepId === b.stepId && a.runId === b.runId && a.path === b.path;
  }
  if (a.kind === 'earlier' && b.kind === 'earlier') {
    return a.stepId === b.stepId && a.path === b.path;
  }
  return true;
}
