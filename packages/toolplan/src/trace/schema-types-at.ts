import type { PathSegment } from '../plan/index.js';

/**
 * What a JSON Schema allows at a path inside the value it describes: the set of JSON types, or
 * `'any'` when the schema does not constrain the type there (no `type`, a `$ref`, an open object),
 * or `'absent'` when the path cannot exist (a property a closed object does not have).
 */
export function schemaTypesAt(
  schema: unknown,
  path: readonly PathSegment[],
): Set<string> | 'any' | 'absent' {
  if (typeof schema !== 'object' || schema === null) return 'any';
  const node = schema as Record<string, unknown>;
  const branches = [node['anyOf'], node['oneOf']].find(Array.isArray) as unknown[] | undefined;
  if (branches !== undefined) {
    const union = new Set<string>();
    let absent = true;
    for (const branch of branches) {
      const types = schemaTypesAt(branch, path);
      if (types === 'any') return 'any';
      if (types === 'absent') continue;
      absent = false;
      for (const type of types) union.add(type);
    }
    return absent ? 'absent' : union;
  }
  const [segment, ...rest] = path;
  if (segment === undefined) return ownTypes(node);
  if (typeof segment !== 'string') {
    // `[$index]` (the element's position in a forEach) is typed like the first index.
    const index = typeof segment === 'number' ? segment : 0;
    const prefix = node['prefixItems'];
    if (Array.isArray(prefix) && index < prefix.length) return schemaTypesAt(prefix[index], rest);
    return node['items'] === undefined ? 'any' : schemaTypesAt(node['items'], rest);
  }
  const properties = node['properties'] as Record<string, unknown> | undefined;
  if (properties !== undefined && Object.hasOwn(properties, segment))
    return schemaTypesAt(properties[segment], rest);
  const additional = node['additionalProperties'];
  if (additional === false) return 'absent';
  return typeof additional === 'object' ? schemaTypesAt(additional, rest) : 'any';
}

function ownTypes(node: Record<string, unknown>): Set<string> | 'any' {
  const type = node['type'];
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type.map(String));
  const values = Array.isArray(node['enum'])
    ? (node['enum'] as unknown[])
    : 'const' in node
      ? [node['const']]
      : undefined;
  if (values === undefined) return 'any';
  return new Set(values.map((value) => (Array.isArray(value) ? 'array' : typeof value)));
}
