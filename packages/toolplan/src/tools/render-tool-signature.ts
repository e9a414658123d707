import type { JsonSchema } from './tool.js';

export interface RenderToolSignatureOptions {
  /**
   * How much description to include: `full` adds one line per described parameter, `tool` only
   * the tool's one-line description, `none` the bare signature.
   * @default 'full'
   */
  descriptions?: 'full' | 'tool' | 'none';
}

/**
 * Renders a tool as a TypeScript-like signature with a one-line description, e.g.
 *
 *     get_weather(city: string, unit?: "c" | "f" = "c") — Current weather for a city.
 *       city: City name, e.g. "Boston"
 *
 * Far fewer tokens than the JSON Schema providers are sent, with the same information a model
 * needs to write a call.
 */
export function renderToolSignature(
  tool: { name: string; description: string; jsonSchema: JsonSchema },
  options: RenderToolSignatureOptions = {},
): string {
  const descriptions = options.descriptions ?? 'full';
  const properties = asRecord(tool.jsonSchema['properties']);
  const required = new Set(asStringArray(tool.jsonSchema['required']));
  const parameters = Object.entries(properties).map(([name, schema]) => {
    const property = asRecord(schema);
    const optional = required.has(name) ? '' : '?';
    const fallback =
      property['default'] === undefined ? '' : ` = ${JSON.stringify(property['default'])}`;
    return `${name}${optional}: ${renderType(property)}${fallback}`;
  });
  let text = `${tool.name}(${parameters.join(', ')})`;
  const summary = oneLine(tool.description);
  if (descriptions !== 'none' && summary !== '') text += ` — ${summary}`;
  if (descriptions === 'full') {
    for (const [name, schema] of Object.entries(properties)) {
      const description = oneLine(String(asRecord(schema)['description'] ?? ''));
      if (description !== '') text += `\n  ${name}: ${description}`;
    }
  }
  return text;
}

/** Renders a JSON Schema as a TypeScript-like type. */
export function renderType(schema: JsonSchema): string {
  if (schema['const'] !== undefined) return JSON.stringify(schema['const']);
  if (Array.isArray(schema['enum']))
    return schema['enum'].map((value) => JSON.stringify(value)).join(' | ');
  const union = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(union)) return union.map((member) => renderType(asRecord(member))).join(' | ');
  const type = schema['type'];
  if (Array.isArray(type))
    return type.map((member) => renderType({ ...schema, type: member })).join(' | ');
  switch (type) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'null':
      return type;
    case 'array': {
      if (Array.isArray(schema['prefixItems'])) {
        return `[${schema['prefixItems'].map((item) => renderType(asRecord(item))).join(', ')}]`;
      }
      const items = schema['items'];
      if (items === undefined || items === true) return 'any[]';
      const inner = renderType(asRecord(items));
      return isUnion(asRecord(items)) ? `(${inner})[]` : `${inner}[]`;
    }
    case 'object':
      return renderObject(schema);
    default:
      return schema['properties'] === undefined ? 'any' : renderObject(schema);
  }
}

/** True when `schema` renders as a union (`a | b`), which needs parentheses before `[]`. */
function isUnion(schema: JsonSchema): boolean {
  if (schema['const'] !== undefined) return false;
  if (Array.isArray(schema['enum'])) return schema['enum'].length > 1;
  const union = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(union))
    return union.length > 1 || union.some((member) => isUnion(asRecord(member)));
  return Array.isArray(schema['type']) && schema['type'].length > 1;
}

function renderObject(schema: JsonSchema): string {
  const properties = Object.entries(asRecord(schema['properties']));
  if (properties.length === 0) {
    const additional = schema['additionalProperties'];
    if (typeof additional === 'object' && additional !== null) {
      return `Record<string, ${renderType(asRecord(additional))}>`;
    }
    return 'object';
  }
  const required = new Set(asStringArray(schema['required']));
  const fields = properties.map(
    ([name, property]) =>
      `${name}${required.has(name) ? '' : '?'}: ${renderType(asRecord(property))}`,
  );
  return `{ ${fields.join('; ')} }`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function asRecord(value: unknown): JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonSchema)
    : {};
}

function asStringArray(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}
