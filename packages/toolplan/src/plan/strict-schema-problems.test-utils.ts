/**
 * What OpenAI's strict structured outputs and Gemini's response schemas refuse in a JSON Schema,
 * as a list of problems (empty when the schema passes): an object that is not closed
 * (`additionalProperties: false`), a property missing from `required`, an object without
 * properties (Gemini), an array without `items`, a node without a `type`.
 */
export function strictSchemaProblems(schema: unknown, path = '#'): string[] {
  if (typeof schema !== 'object' || schema === null) return [`${path}: not a schema`];
  const node = schema as Record<string, unknown>;
  const problems: string[] = [];
  const types = Array.isArray(node['type']) ? (node['type'] as unknown[]) : [node['type']];
  if (node['type'] === undefined && node['anyOf'] === undefined && node['enum'] === undefined) {
    problems.push(`${path}: no type`);
  }
  if (types.includes('object')) {
    const properties = node['properties'] as Record<string, unknown> | undefined;
    const keys = Object.keys(properties ?? {});
    if (keys.length === 0) problems.push(`${path}: an object without properties`);
    if (node['additionalProperties'] !== false) problems.push(`${path}: not closed`);
    const required = new Set((node['required'] as string[] | undefined) ?? []);
    for (const key of keys) {
      if (!required.has(key)) problems.push(`${path}.${key}: not required`);
      problems.push(...strictSchemaProblems(properties?.[key], `${path}.${key}`));
    }
  }
  if (types.includes('array')) {
    if (node['items'] === undefined) problems.push(`${path}: an array without items`);
    else problems.push(...strictSchemaProblems(node['items'], `${path}[]`));
  }
  for (const branch of (node['anyOf'] as unknown[] | undefined) ?? []) {
    problems.push(...strictSchemaProblems(branch, `${path}|`));
  }
  return problems;
}
