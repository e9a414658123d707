// Every rule below is OpenAI's, from the Structured Outputs guide, section "Supported schemas":
// https://platform.openai.com/docs/guides/structured-outputs#supported-schemas
// (also served at https://developers.openai.com/api/docs/guides/structured-outputs). The quoted
// wording beside each rule is the guide's; messages imitate the wording of OpenAI's 400 answers.

/** Which documented rule a problem breaks (stable, for tests and callers that branch on it). */
export type StrictSchemaRule =
  | 'root-object'
  | 'schema-object'
  | 'type'
  | 'unsupported-keyword'
  | 'keyword-type-mismatch'
  | 'format'
  | 'additional-properties'
  | 'required'
  | 'array-items'
  | 'any-of'
  | 'enum'
  | 'ref'
  | 'nesting-depth'
  | 'property-count'
  | 'string-size'
  | 'enum-count'
  | 'enum-string-size';

/** One way a schema breaks strict mode, where it does. */
export interface StrictSchemaProblem {
  rule: StrictSchemaRule;
  /** The JSON path of the subschema at fault, e.g. `['properties', 'steps', 'items']`. */
  path: ReadonlyArray<string | number>;
  /** OpenAI's wording, without the `In context=…` prefix (see `describeStrictSchemaProblem`). */
  message: string;
}

// "Supported types: String, Number, Boolean, Integer, Object, Array, Enum, anyOf"; `null` only
// inside a union ("emulate an optional parameter by using a union type with null").
const TYPES = new Set(['string', 'number', 'boolean', 'integer', 'object', 'array', 'null']);

// "Supported string properties: pattern, format"; "format — Predefined formats for strings.
// Currently supported: date-time, time, date, duration, email, hostname, ipv4, ipv6, uuid".
// The guide also says fine-tuned models "additionally do not support minLength, maxLength", which
// hints that other models accept them, but its list of supported string properties names only
// `pattern` and `format`: the list is the rule enforced here.
const STRING_KEYWORDS = new Set(['pattern', 'format']);
const FORMATS = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uuid',
]);
// "Supported number properties: multipleOf, maximum, exclusiveMaximum, minimum, exclusiveMinimum".
const NUMBER_KEYWORDS = new Set([
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
]);
// "Supported array properties: minItems, maxItems" (and `items`, which every array must have).
const ARRAY_KEYWORDS = new Set(['items', 'minItems', 'maxItems']);
const OBJECT_KEYWORDS = new Set(['properties', 'required', 'additionalProperties']);
// "Definitions are supported" ($defs, definitions, $ref), "Recursive schemas are supported"
// (`"$ref": "#"`); `enum`, `const`, `anyOf`, `type` and the annotations `description` and
// `title` apply to any type. `$schema` is not in the guide's list, but OpenAI accepts it at the
// root: every schema the AI SDK converts from Zod carries one, and those pass strict mode.
const ANY_TYPE_KEYWORDS = new Set([
  'type',
  'description',
  'title',
  'enum',
  'const',
  'anyOf',
  '$ref',
  '$defs',
  'definitions',
]);

// "A schema may have up to 5000 object properties total, with up to 10 levels of nesting."
// The guide does not say how levels are counted; here a level is an object schema on the way
// from the root (the root is level 1; arrays and anyOf add none; each definition counts from
// its own root). This is the most lenient reading, so what it refuses every reading refuses.
const MAX_PROPERTIES = 5000;
const MAX_NESTING = 10;
// "In a schema, total string length of all property names, definition names, enum values, and
// const values cannot exceed 120,000 characters."
const MAX_STRING_SIZE = 120_000;
// "A schema may have up to 1000 enum values across all enum properties."
const MAX_ENUM_VALUES = 1000;
// "For a single enum property with string values, the total string length of all enum values
// cannot exceed 15,000 characters when there are more than 250 enum values."
const LARGE_ENUM_VALUES = 250;
const MAX_LARGE_ENUM_STRING_SIZE = 15_000;

type Path = ReadonlyArray<string | number>;

interface Totals {
  properties: number;
  stringSize: number;
  enumValues: number;
}

/**
 * Every way `schema` breaks OpenAI's strict Structured Outputs rules (a `json_schema` response
 * format or a function's parameters sent with `strict: true`), each with the JSON path of the
 * subschema at fault; `[]` when OpenAI would accept it. Pure: it reads the schema and nothing
 * else.
 */
export function checkStrictJsonSchema(schema: unknown): StrictSchemaProblem[] {
  const problems: StrictSchemaProblem[] = [];
  const add = (rule: StrictSchemaRule, path: Path, message: string) =>
    problems.push({ rule, path, message });
  const totals: Totals = { properties: 0, stringSize: 0, enumValues: 0 };

  // "Root objects must not be anyOf and must be an object."
  if (!isRecord(schema)) {
    add(
      'root-object',
      [],
      `schema must be a JSON Schema of 'type: "object"', got ${describe(schema)}.`,
    );
    return problems;
  }
  if (schema['anyOf'] !== undefined) {
    add('root-object', [], "schema must be a JSON Schema of 'type: \"object\"', got 'anyOf'.");
  } else if (schema['type'] !== 'object') {
    add(
      'root-object',
      [],
      `schema must be a JSON Schema of 'type: "object"', got 'type: ${JSON.stringify(schema['type'] ?? null)}'.`,
    );
  }

  const walk = (node: unknown, path: Path, depth: number): void => {
    if (!isRecord(node)) {
      add('schema-object', path, `schema must be an object, got ${describe(node)}.`);
      return;
    }
    const types = readTypes(node, path, add);
    const isObject = types.has('object') || (types.size === 0 && node['properties'] !== undefined);
    const objectDepth = isObject ? depth + 1 : depth;
    // Reported once, at the first level too deep; the levels below it are not repeated.
    if (isObject && depth === MAX_NESTING) {
      add(
        'nesting-depth',
        path,
        `Object nesting is too deep: a schema may have up to ${MAX_NESTING} levels of nesting.`,
      );
    }

    for (const key of Object.keys(node)) {
      if (key === '$schema' && path.length === 0) continue;
      const allowed =
        ANY_TYPE_KEYWORDS.has(key) ||
        STRING_KEYWORDS.has(key) ||
        NUMBER_KEYWORDS.has(key) ||
        ARRAY_KEYWORDS.has(key) ||
        OBJECT_KEYWORDS.has(key);
      if (!allowed) {
        add('unsupported-keyword', path, `'${key}' is not permitted.`);
        continue;
      }
      const owner = keywordOwner(key);
      if (owner !== undefined && types.size > 0 && !owner.some((type) => types.has(type))) {
        add(
          'keyword-type-mismatch',
          path,
          `'${key}' is only permitted for schemas of type ${owner.map((type) => `'${type}'`).join(' or ')}.`,
        );
      }
    }

    const format = node['format'];
    if (format !== undefined && (typeof format !== 'string' || !FORMATS.has(format))) {
      add(
        'format',
        path,
        `'format' ${JSON.stringify(format)} is not supported. Supported formats: ${[...FORMATS].join(', ')}.`,
      );
    }

    readEnum(node, path, add, totals);
    if (node['const'] !== undefined) totals.stringSize += valueStringSize(node['const']);

    if (isObject) {
      // "additionalProperties: false must always be set in objects"
      if (node['additionalProperties'] !== false) {
        add(
          'additional-properties',
          path,
          "'additionalProperties' is required to be supplied and to be false.",
        );
      }
      const properties = isRecord(node['properties']) ? node['properties'] : {};
      const names = Object.keys(properties);
      totals.properties += names.length;
      for (const name of names) totals.stringSize += name.length;
      checkRequired({ node, names, path, add });
      for (const name of names) walk(properties[name], [...path, 'properties', name], objectDepth);
    }

    if (types.has('array')) {
      // Arrays need `items`: an array of nothing in particular cannot be generated.
      if (node['items'] === undefined) {
        add('array-items', path, 'array schema missing items.');
      } else if (Array.isArray(node['items'])) {
        add('array-items', path, "'items' must be a schema, not an array of schemas.");
      }
    }
    if (node['items'] !== undefined && !Array.isArray(node['items'])) {
      walk(node['items'], [...path, 'items'], objectDepth);
    }

    // "For anyOf, the nested schemas must each be a valid JSON Schema per this subset."
    const anyOf = node['anyOf'];
    if (anyOf !== undefined) {
      if (!Array.isArray(anyOf) || anyOf.length === 0) {
        add('any-of', path, "'anyOf' must be a non-empty array of schemas.");
      } else {
        anyOf.forEach((branch, index) => walk(branch, [...path, 'anyOf', index], depth));
      }
    }

    for (const key of ['$defs', 'definitions'] as const) {
      const definitions = node[key];
      if (definitions === undefined) continue;
      if (!isRecord(definitions)) {
        add('schema-object', [...path, key], `'${key}' must be an object of schemas.`);
        continue;
      }
      for (const [name, definition] of Object.entries(definitions)) {
        totals.stringSize += name.length;
        walk(definition, [...path, key, name], 0);
      }
    }

    const ref = node['$ref'];
    if (ref !== undefined && !resolvesLocally(ref, schema)) {
      add(
        'ref',
        path,
        `Invalid $ref ${JSON.stringify(ref)}: only "#" and references into this schema's $defs or definitions are supported.`,
      );
    }
  };
  walk(schema, [], 0);

  if (totals.properties > MAX_PROPERTIES) {
    add(
      'property-count',
      [],
      `The schema has ${totals.properties} object properties in total; at most ${MAX_PROPERTIES} are supported.`,
    );
  }
  if (totals.stringSize > MAX_STRING_SIZE) {
    add(
      'string-size',
      [],
      `The total string length of property names, definition names, enum values and const values is ${totals.stringSize}; at most ${MAX_STRING_SIZE} characters are supported.`,
    );
  }
  if (totals.enumValues > MAX_ENUM_VALUES) {
    add(
      'enum-count',
      [],
      `The schema has ${totals.enumValues} enum values in total; at most ${MAX_ENUM_VALUES} are supported.`,
    );
  }
  return problems;
}

/** `In context=('properties', 'steps'), <message>`, as OpenAI words a strict-mode problem. */
export function describeStrictSchemaProblem(problem: StrictSchemaProblem): string {
  if (problem.rule === 'root-object') return problem.message;
  return `In context=${formatContext(problem.path)}, ${problem.message}`;
}

/** A path as the Python tuple OpenAI prints: `()`, `('items',)`, `('anyOf', 0)`. */
function formatContext(path: Path): string {
  const items = path.map((segment) =>
    typeof segment === 'number' ? String(segment) : `'${segment}'`,
  );
  if (items.length === 1) return `(${items[0]},)`;
  return `(${items.join(', ')})`;
}

/** The types a keyword applies to; `undefined` for keywords of any type. */
function keywordOwner(key: string): string[] | undefined {
  if (STRING_KEYWORDS.has(key)) return ['string'];
  if (NUMBER_KEYWORDS.has(key)) return ['number', 'integer'];
  if (ARRAY_KEYWORDS.has(key)) return ['array'];
  if (OBJECT_KEYWORDS.has(key)) return ['object'];
  return undefined;
}

function readTypes(
  node: Record<string, unknown>,
  path: Path,
  add: (rule: StrictSchemaRule, path: Path, message: string) => void,
): Set<string> {
  const type = node['type'];
  if (type === undefined) return new Set();
  const list = Array.isArray(type) ? type : [type];
  const valid = list.filter((item): item is string => typeof item === 'string' && TYPES.has(item));
  if (valid.length !== list.length || list.length === 0) {
    add(
      'type',
      path,
      `'type' ${JSON.stringify(type)} is not supported: use one of ${[...TYPES].join(', ')}, or a list of them.`,
    );
  }
  return new Set(valid);
}

function readEnum(
  node: Record<string, unknown>,
  path: Path,
  add: (rule: StrictSchemaRule, path: Path, message: string) => void,
  totals: Totals,
): void {
  const values = node['enum'];
  if (values === undefined) return;
  if (!Array.isArray(values) || values.length === 0) {
    add('enum', path, "'enum' must be a non-empty array.");
    return;
  }
  totals.enumValues += values.length;
  const size = values.reduce<number>((sum, value) => sum + valueStringSize(value), 0);
  totals.stringSize += size;
  const allStrings = values.every((value) => typeof value === 'string');
  if (allStrings && values.length > LARGE_ENUM_VALUES && size > MAX_LARGE_ENUM_STRING_SIZE) {
    add(
      'enum-string-size',
      path,
      `An enum of ${values.length} string values totals ${size} characters; with more than ${LARGE_ENUM_VALUES} values, at most ${MAX_LARGE_ENUM_STRING_SIZE} are supported.`,
    );
  }
}

// "All fields must be required": `required` lists every key of `properties`, and only those.
function checkRequired(options: {
  node: Record<string, unknown>;
  names: readonly string[];
  path: Path;
  add: (rule: StrictSchemaRule, path: Path, message: string) => void;
}): void {
  const { node, names, path, add } = options;
  const required = node['required'];
  const requirement =
    "'required' is required to be supplied and to be an array including every key in properties.";
  if (required === undefined && names.length === 0) return;
  if (!Array.isArray(required)) {
    add('required', path, `${requirement} Missing ${names.map((name) => `'${name}'`).join(', ')}.`);
    return;
  }
  const listed = new Set(required.filter((item): item is string => typeof item === 'string'));
  const missing = names.filter((name) => !listed.has(name));
  if (missing.length > 0) {
    add(
      'required',
      path,
      `${requirement} Missing ${missing.map((name) => `'${name}'`).join(', ')}.`,
    );
  }
  const extra = [...listed].filter((name) => !names.includes(name));
  if (extra.length > 0) {
    add(
      'required',
      path,
      `${requirement} Extra required key ${extra.map((name) => `'${name}'`).join(', ')} supplied.`,
    );
  }
}

function resolvesLocally(ref: unknown, root: Record<string, unknown>): boolean {
  if (ref === '#') return true;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return false;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isRecord(node) || !(segment in node)) return false;
    node = node[segment];
  }
  return isRecord(node);
}

function valueStringSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  return JSON.stringify(value)?.length ?? 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
