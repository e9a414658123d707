import type { JsonSchema } from './tool.js';

// Types of the Python-flavoured dialect that BFCL (and some tool catalogues) use.
const DIALECT_TYPES: Record<string, string | undefined> = {
  dict: 'object',
  float: 'number',
  tuple: 'array',
  list: 'array',
  str: 'string',
  int: 'integer',
  bool: 'boolean',
  any: undefined,
};

/**
 * Rewrites a JSON Schema in a loose dialect (`"type": "dict"`, `"float"`, `"tuple"`, `"any"`) into
 * standard JSON Schema, so that validators and providers accept it. Standard schemas come back
 * equal. Non-standard keywords (`optional`) are dropped; `required` keeps the meaning.
 */
export function normalizeJsonSchema(schema: unknown): JsonSchema {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return {};
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'optional') continue;
    if (key === 'type') {
      const types = Array.isArray(value) ? value : [value];
      const mapped = types
        .map((type) =>
          typeof type === 'string' && type in DIALECT_TYPES ? DIALECT_TYPES[type] : type,
        )
        .filter((type) => type !== undefined);
      if (types.length !== mapped.length) continue; // "any" accepts everything: no type at all
      result['type'] = Array.isArray(value) ? mapped : mapped[0];
    } else if (
      (key === 'properties' ||
        key === 'patternProperties' ||
        key === '$defs' ||
        key === 'definitions') &&
      typeof value === 'object' &&
      value !== null
    ) {
      result[key] = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, normalizeJsonSchema(property)]),
      );
    } else if (
      // `items` given as an array is the tuple form of draft-07, a list of schemas too.
      (key === 'anyOf' ||
        key === 'oneOf' ||
        key === 'allOf' ||
        key === 'prefixItems' ||
        key === 'items') &&
      Array.isArray(value)
    ) {
      result[key] = value.map((item) => normalizeJsonSchema(item));
    } else if (
      key === 'items' ||
      key === 'additionalProperties' ||
      key === 'not' ||
      key === 'if' ||
      key === 'then' ||
      key === 'else'
    ) {
      result[key] =
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? normalizeJsonSchema(value)
          : value;
    } else {
      result[key] = value;
    }
  }
  return result;
}
