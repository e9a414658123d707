import type { IssuePath } from './plan-issue.js';

/**
 * `[$index]` in a reference's path (`$p[$index]`): inside a `forEach` step, the index of the element
 * being run, so a step can pair its element with the element at the same position of another
 * step's array result (a zip). Typed like an index (`[0]`) wherever paths are typed.
 */
export interface ForEachIndexSegment {
  readonly forEachIndex: true;
}

/** The one {@link ForEachIndexSegment}; compare with {@link isForEachIndexSegment}, not `===`. */
export const FOR_EACH_INDEX_SEGMENT: ForEachIndexSegment = Object.freeze({ forEachIndex: true });

/** One step of a reference's path: an object key, an array index, or `[$index]`. */
export type PathSegment = string | number | ForEachIndexSegment;

/** True for `[$index]` (also for a copy of it, e.g. after `structuredClone`). */
export function isForEachIndexSegment(segment: PathSegment): segment is ForEachIndexSegment {
  return typeof segment === 'object';
}

/** A parsed `$id.path` or `${id.path}` reference. */
export interface Reference {
  /** The step id, or `item` / `index` inside a `forEach` step. */
  root: string;
  path: readonly PathSegment[];
  /** The reference as written, for messages: `$bos.temp`. */
  text: string;
}

/** Names bound inside a `forEach` step; no step may use them as its id. */
export const FOR_EACH_ITEM = 'item';
export const FOR_EACH_INDEX = 'index';

const STEP_ID = '[A-Za-z_][A-Za-z0-9_]*';
const PATH = String.raw`(?:\.[A-Za-z0-9_-]+|\[\d+\]|\[\$index\])*`;
const WHOLE_REFERENCE = new RegExp(String.raw`^\$(${STEP_ID})(${PATH})$`);
const INNER_REFERENCE = new RegExp(String.raw`^(${STEP_ID})(${PATH})$`);
const PATH_SEGMENT = /\.([A-Za-z0-9_-]+)|\[(\d+)\]|\[\$index\]/g;

export const STEP_ID_PATTERN = new RegExp(`^${STEP_ID}$`);

function parsePath(text: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of text.matchAll(PATH_SEGMENT)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(FOR_EACH_INDEX_SEGMENT);
  }
  return segments;
}

/** Parses `$id.path` when the whole string is one reference; otherwise `undefined`. */
export function parseWholeReference(text: string): Reference | undefined {
  const match = WHOLE_REFERENCE.exec(text);
  if (match === null) return undefined;
  return { root: match[1] as string, path: parsePath(match[2] as string), text };
}

/** Formats a reference root and path back into `$root.path` form. */
export function formatReference(root: string, path: readonly PathSegment[]): string {
  let text = `$${root}`;
  for (const segment of path) text += formatPathSegment(segment);
  return text;
}

/** One segment as it is written in a reference: `.key`, `[3]` or `[$index]`. */
export function formatPathSegment(segment: PathSegment): string {
  if (isForEachIndexSegment(segment)) return `[$${FOR_EACH_INDEX}]`;
  return typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
}

/**
 * A plan value with its references located once, at validation, so that resolving it for each
 * call does no string scanning. Subtrees without references stay `literal` and are passed through
 * without copying.
 */
export type CompiledValue =
  | { kind: 'literal'; value: unknown }
  | { kind: 'reference'; reference: Reference }
  | { kind: 'template'; parts: ReadonlyArray<string | Reference> }
  | { kind: 'array'; items: readonly CompiledValue[] }
  | { kind: 'object'; entries: ReadonlyArray<readonly [string, CompiledValue]> };

/** A reference found while compiling, with where it stands. */
export interface LocatedReference {
  reference: Reference;
  location: IssuePath;
  /** True when the reference is interpolated into a longer string (its value becomes text). */
  interpolated: boolean;
}

/** A malformed `${…}` found while compiling. */
export interface ReferenceSyntaxProblem {
  location: IssuePath;
  message: string;
}

export interface CompiledArgs {
  value: CompiledValue;
  references: LocatedReference[];
  problems: ReferenceSyntaxProblem[];
}

/** Locates every reference in a JSON value (a step's `args`, its `forEach`, or an answer). */
export function compileValue(value: unknown, location: IssuePath = []): CompiledArgs {
  const references: LocatedReference[] = [];
  const problems: ReferenceSyntaxProblem[] = [];
  const compiled = compileInner(value, [...location], references, problems);
  return { value: compiled, references, problems };
}

function compileInner(
  value: unknown,
  location: Array<string | number>,
  references: LocatedReference[],
  problems: ReferenceSyntaxProblem[],
): CompiledValue {
  if (typeof value === 'string') return compileString(value, location, references, problems);
  if (Array.isArray(value)) {
    let dynamic = false;
    const items = value.map((item, index) => {
      const compiled = compileInner(item, [...location, index], references, problems);
      if (compiled.kind !== 'literal' || compiled.value !== item) dynamic = true;
      return compiled;
    });
    return dynamic ? { kind: 'array', items } : { kind: 'literal', value };
  }
  if (typeof value === 'object' && value !== null) {
    let dynamic = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const compiled = compileInner(item, [...location, key], references, problems);
      if (compiled.kind !== 'literal' || compiled.value !== item) dynamic = true;
      return [key, compiled] as const;
    });
    return dynamic ? { kind: 'object', entries } : { kind: 'literal', value };
  }
  return { kind: 'literal', value };
}

function compileString(
  text: string,
  location: Array<string | number>,
  references: LocatedReference[],
  problems: ReferenceSyntaxProblem[],
): CompiledValue {
  if (!text.includes('$')) return { kind: 'literal', value: text };
  const whole = parseWholeReference(text);
  if (whole !== undefined) {
    references.push({ reference: whole, location: [...location], interpolated: false });
    return { kind: 'reference', reference: whole };
  }
  const parts: Array<string | Reference> = [];
  let literal = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    if (char === '$' && next === '$') {
      literal += '$';
      index += 2;
    } else if (char === '$' && next === '{') {
      const close = text.indexOf('}', index + 2);
      if (close === -1) {
        problems.push({
          location: [...location],
          message: `Unclosed \`\${\` in ${JSON.stringify(text)}; write \`\${step.field}\` to insert a value, or \`$$\` for a literal dollar sign.`,
        });
        literal += text.slice(index);
        break;
      }
      const inner = text.slice(index + 2, close);
      const match = INNER_REFERENCE.exec(inner);
      if (match === null) {
        problems.push({
          location: [...location],
          message: `\`\${${inner}}\` is not a reference; write \`\${step.field}\` (a step id, then \`.key\` or \`[n]\` parts), or \`$$\` for a literal dollar sign.`,
        });
        literal += text.slice(index, close + 1);
      } else {
        if (literal !== '') parts.push(literal);
        literal = '';
        const reference: Reference = {
          root: match[1] as string,
          path: parsePath(match[2] as string),
          text: `\${${inner}}`,
        };
        parts.push(reference);
        references.push({ reference, location: [...location], interpolated: true });
      }
      index = close + 1;
    } else {
      literal += char;
      index += 1;
    }
  }
  if (literal !== '') parts.push(literal);
  if (parts.every((part) => typeof part === 'string')) {
    return { kind: 'literal', value: parts.join('') };
  }
  return { kind: 'template', parts };
}
