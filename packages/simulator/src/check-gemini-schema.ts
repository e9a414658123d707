/** One way a schema breaks Gemini's schema subset, where it does. */
export interface GeminiSchemaProblem {
  /** The JSON path of the field at fault, e.g. `['properties', 'args', 'properties']`. */
  path: ReadonlyArray<string | number>;
  /** Gemini's wording, after the field path (see `describeGeminiSchemaProblem`). */
  message: string;
}

// The fields of Gemini's `Schema` object, "a select subset of an OpenAPI 3.0 schema object"
// (Gemini API reference, https://ai.google.dev/api/caching#Schema): type, format, title,
// description, nullable, enum, maxItems, minItems, properties, required, minProperties,
// maxProperties, minLength, maxLength, pattern, example, anyOf, propertyOrdering, default, items,
// minimum, maximum. The request is parsed as a protocol buffer, so any other field
// (additionalProperties, $ref, allOf, oneOf, const…) is refused: `Invalid JSON payload received.
// Unknown name "additionalProperties" at '…': Cannot find field.`
const FIELDS = new Set([
  'type',
  'format',
  'title',
  'description',
  'nullable',
  'enum',
  'maxItems',
  'minItems',
  'properties',
  'required',
  'minProperties',
  'maxProperties',
  'minLength',
  'maxLength',
  'pattern',
  'example',
  'anyOf',
  'propertyOrdering',
  'default',
  'items',
  'minimum',
  'maximum',
]);

// Same reference, `type`: "Required. Data type." — one value of the `Type` enum, a single value
// (the field is not repeated: `["string", "null"]` is "Proto field is not repeating, cannot
// start list."). Lowercase names are accepted, as every request @ai-sdk/google sends shows.
const TYPES = new Set([
  'TYPE_UNSPECIFIED',
  'STRING',
  'NUMBER',
  'INTEGER',
  'BOOLEAN',
  'ARRAY',
  'OBJECT',
  'NULL',
]);

// Same reference, `format`: "The format of the data. This is used only for primitive datatypes.
// Supported formats: for NUMBER type: float, double for INTEGER type: int32, int64 for STRING
// type: enum, date-time". Firebase's reference of the same field adds: "When using the Gemini
// Developer API, this must be either 'enum' or 'date-time', otherwise requests will fail."
// (https://firebase.google.com/docs/reference/js/ai.schemashared)
const FORMATS: Readonly<Record<string, readonly string[]>> = {
  NUMBER: ['float', 'double'],
  INTEGER: ['int32', 'int64'],
  STRING: ['enum', 'date-time'],
};

type Path = ReadonlyArray<string | number>;

/**
 * Every way `schema` — a `generationConfig.responseSchema` as `@ai-sdk/google` sends it — breaks
 * the Gemini API's schema subset, each with the path of the field at fault; `[]` when Gemini
 * would accept it. Pure: it reads the schema and nothing else.
 */
export function checkGeminiSchema(schema: unknown): GeminiSchemaProblem[] {
  const problems: GeminiSchemaProblem[] = [];
  const add = (path: Path, message: string) => problems.push({ path, message });

  const walk = (node: unknown, path: Path): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      add(path, `Invalid value: ${JSON.stringify(node)} is not a Schema object.`);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!FIELDS.has(key)) add(path, `Unknown name "${key}": Cannot find field.`);
    }

    const type = readType(record['type'], path, add);

    const properties = record['properties'];
    const names =
      typeof properties === 'object' && properties !== null && !Array.isArray(properties)
        ? Object.keys(properties)
        : [];
    if (type === 'OBJECT' && names.length === 0) {
      // Not in the reference, but what the API answers, e.g.
      // `…response_schema.properties["go_back"].properties: should be non-empty for OBJECT type`
      // (github.com/browser-use/browser-use/issues/3786, github.com/googleapis/js-genai/issues/708):
      // a free-form object cannot be asked for.
      add([...path, 'properties'], 'should be non-empty for OBJECT type');
    }
    if (type !== undefined && type !== 'OBJECT') {
      // `properties: only allowed for OBJECT type` (github.com/anomalyco/opencode/issues/11889).
      for (const key of ['properties', 'required'] as const) {
        if (record[key] !== undefined) add([...path, key], 'only allowed for OBJECT type');
      }
    }
    const required = record['required'];
    if (Array.isArray(required)) {
      // `required` names properties of the same object (github.com/Kilo-Org/kilocode/pull/11955).
      required.forEach((name, index) => {
        if (typeof name !== 'string' || !names.includes(name)) {
          add([...path, 'required', index], 'property is not defined');
        }
      });
    }
    for (const name of names)
      walk((properties as Record<string, unknown>)[name], [...path, 'properties', name]);

    // `items`: "Schema of the elements of Type.ARRAY" — one schema, and an array has one.
    const items = record['items'];
    if (type === 'ARRAY' && items === undefined) add([...path, 'items'], 'missing field.');
    if (Array.isArray(items)) {
      add([...path, 'items'], 'Proto field is not repeating, cannot start list.');
    } else if (items !== undefined) {
      walk(items, [...path, 'items']);
    }

    const format = record['format'];
    if (format !== undefined) {
      const supported = type === undefined ? undefined : FORMATS[type];
      if (typeof format !== 'string' || supported === undefined || !supported.includes(format)) {
        add(
          [...path, 'format'],
          `format ${JSON.stringify(format)} is not supported for ${type ?? 'untyped'} schemas. Supported formats: for NUMBER type: float, double; for INTEGER type: int32, int64; for STRING type: enum, date-time.`,
        );
      }
    }

    // `enum` is `string[]` ("Possible values of the element of Type.STRING with enum format").
    const values = record['enum'];
    if (values !== undefined) {
      if (!Array.isArray(values)) {
        add([...path, 'enum'], 'Invalid value: enum must be a list of strings.');
      } else {
        values.forEach((value, index) => {
          if (typeof value !== 'string') {
            add([...path, 'enum', index], `Invalid value (TYPE_STRING), ${JSON.stringify(value)}`);
          }
        });
      }
    }

    const anyOf = record['anyOf'];
    if (anyOf !== undefined) {
      if (!Array.isArray(anyOf)) add([...path, 'anyOf'], 'Invalid value: anyOf must be a list.');
      else anyOf.forEach((branch, index) => walk(branch, [...path, 'anyOf', index]));
    }
  };
  walk(schema, []);
  return problems;
}

/**
 * A problem as the Gemini API reports it, the field path first:
 * `GenerateContentRequest.generation_config.response_schema.properties["args"].properties: should
 * be non-empty for OBJECT type`.
 */
export function describeGeminiSchemaProblem(
  problem: GeminiSchemaProblem,
  root = 'GenerateContentRequest.generation_config.response_schema',
): string {
  let field = root;
  // A segment after `properties` is a property's name, whatever it spells.
  let isName = false;
  for (const segment of problem.path) {
    if (typeof segment === 'number') field += `[${segment}]`;
    else if (isName) field += `[${JSON.stringify(segment)}]`;
    else field += `.${snakeCase(segment)}`;
    isName = !isName && segment === 'properties';
  }
  return `${field}: ${problem.message}`;
}

function readType(
  value: unknown,
  path: Path,
  add: (path: Path, message: string) => void,
): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    add([...path, 'type'], 'Proto field is not repeating, cannot start list.');
    return undefined;
  }
  const type = typeof value === 'string' ? value.toUpperCase() : undefined;
  if (type === undefined || !TYPES.has(type)) {
    add(
      [...path, 'type'],
      `Invalid value (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), ${JSON.stringify(value)}`,
    );
    return undefined;
  }
  return type;
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
