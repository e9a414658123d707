import type { PathSegment } from '../plan/index.js';

/** What a tool's JSON Schema says about the values an argument may take. */
export interface SchemaConstraints {
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  integer?: boolean;
  pattern?: string;
  /** A string format (`date`, `email`…): a value of it fits whatever kind the slot learned. */
  format?: string;
}

/**
 * The constraints a JSON Schema puts on the value at a path (`properties`, `items`, a `const`
 * read as a one-value enum). Unions (`anyOf`, `oneOf`) and references constrain nothing here:
 * a slot then learns only from the values seen.
 */
export function schemaConstraintsAt(
  schema: unknown,
  path: readonly PathSegment[],
): SchemaConstraints {
  let node: unknown = schema;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return {};
    const record = node as Record<string, unknown>;
    if (typeof segment === 'string') {
      const properties = record['properties'] as Record<string, unknown> | undefined;
      node = properties?.[segment];
    } else {
      node = record['items'];
    }
  }
  if (typeof node !== 'object' || node === null) return {};
  const record = node as Record<string, unknown>;
  const constraints: SchemaConstraints = {};
  if (Array.isArray(record['enum'])) constraints.enum = record['enum'] as unknown[];
  else if ('const' in record) constraints.enum = [record['const']];
  const minimum = record['minimum'] ?? record['exclusiveMinimum'];
  const maximum = record['maximum'] ?? record['exclusiveMaximum'];
  // Zod writes an integer's type limits (±2^53 − 1) as bounds: those say nothing about the value.
  if (typeof minimum === 'number' && Math.abs(minimum) < Number.MAX_SAFE_INTEGER)
    constraints.minimum = minimum;
  if (typeof maximum === 'number' && Math.abs(maximum) < Number.MAX_SAFE_INTEGER)
    constraints.maximum = maximum;
  if (record['type'] === 'integer') constraints.integer = true;
  if (typeof record['pattern'] === 'string') constraints.pattern = record['pattern'];
  if (typeof record['format'] === 'string') constraints.format = record['format'];
  return constraints;
}
