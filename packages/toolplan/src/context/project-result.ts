import type { Tool } from '../tools/index.js';

/**
 * What the model may see of a tool's result: the tool's `project(result)`, or only its
 * `reasoningFields`, or (for now) the result as it is. The full result stays with the runtime;
 * `forEach` results are projected item by item.
 */
export function projectResult(
  tool: Tool | undefined,
  value: unknown,
  options: { forEach?: boolean } = {},
): unknown {
  if (options.forEach === true && Array.isArray(value))
    return value.map((item) => projectResult(tool, item));
  if (tool?.project !== undefined) return tool.project(value);
  if (
    tool?.reasoningFields !== undefined &&
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value)
  ) {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      tool.reasoningFields
        .filter((field) => Object.hasOwn(record, field))
        .map((field) => [field, record[field]]),
    );
  }
  return value;
}
