import { checkAnnotations } from './check-annotations.js';
import { TOOL_ANNOTATION_KEYS as ANNOTATION_KEYS } from './tool-annotation-keys.js';
import { TOOL_NAME } from './define-tool.js';
import { toToolSchema } from './to-tool-schema.js';
import { ToolDefinitionError } from './tool-definition-error.js';
import type { Tool, ToolAnnotations, ToolExecutionContext, ToolSchema } from './tool.js';

/**
 * Accepts a tool in any of the forms toolplan takes and returns it as a {@link Tool}:
 * - a tool from `defineTool` (returned as it is);
 * - a plain object with `name`, `description`, a JSON Schema as `parameters` or `inputSchema`
 *   (the loose `"type": "dict"` dialect too), `execute`, and annotations;
 * - a Vercel AI SDK `tool()` object, named by `name` (its key in a tool set).
 *
 * MCP-style `annotations: { readOnlyHint, idempotentHint, destructiveHint }` come from whoever
 * wrote the tool — an MCP server may be anyone's — and the MCP specification says a client must
 * not decide on them for a server it does not trust. So `readOnlyHint` and `idempotentHint` count
 * only when the tool object says its annotations are trusted (`trustAnnotations: true`, set by the
 * configuration that trusts their source); otherwise the tool is treated as having side effects
 * unless `readOnly` itself is given. `destructiveHint: true` always wins: such a tool is never
 * read-only or idempotent, whatever else it says.
 */
export function toTool(value: unknown, name?: string): Tool {
  if (typeof value !== 'object' || value === null) {
    throw new ToolDefinitionError({
      message: `Expected a tool object${name === undefined ? '' : ` for \`${name}\``}, got ${value === null ? 'null' : typeof value}.`,
      ...(name === undefined ? {} : { toolName: name }),
    });
  }
  const record = value as Record<string, unknown>;
  const toolName = typeof record['name'] === 'string' ? record['name'] : name;
  if (toolName === undefined || !TOOL_NAME.test(toolName)) {
    throw new ToolDefinitionError({
      message:
        toolName === undefined
          ? 'A tool needs a `name` (or a key, when tools are given as a record).'
          : `Expected a tool name of 1–128 letters, digits, \`_\`, \`.\`, \`:\` or \`-\`, got \`${toolName}\``,
    });
  }
  if (typeof record['execute'] !== 'function') {
    throw new ToolDefinitionError({
      message: `Tool \`${toolName}\` has no \`execute\` function; toolplan runs tools itself, so each needs one.`,
      toolName,
    });
  }
  if (isTool(record) && record.name === toolName) return record;

  const annotations: Record<string, unknown> = {};
  for (const key of ANNOTATION_KEYS) if (record[key] !== undefined) annotations[key] = record[key];
  const mcp = record['annotations'];
  if (typeof mcp === 'object' && mcp !== null) {
    const hints = mcp as Record<string, unknown>;
    const trusted = record['trustAnnotations'] === true;
    if (
      trusted &&
      annotations['readOnly'] === undefined &&
      typeof hints['readOnlyHint'] === 'boolean'
    ) {
      annotations['readOnly'] = hints['readOnlyHint'];
    }
    if (
      trusted &&
      annotations['idempotent'] === undefined &&
      typeof hints['idempotentHint'] === 'boolean'
    ) {
      annotations['idempotent'] = hints['idempotentHint'];
    }
    if (hints['destructiveHint'] === true) {
      annotations['readOnly'] = false;
      annotations['idempotent'] = false;
    }
  }
  checkAnnotations(toolName, annotations);

  const execute = record['execute'] as (input: unknown, context: ToolExecutionContext) => unknown;
  const schemaSource = record['inputSchema'] ?? record['parameters'] ?? record['input_schema'];
  const tool: Tool = {
    ...(annotations as ToolAnnotations),
    name: toolName,
    description: typeof record['description'] === 'string' ? record['description'] : '',
    inputSchema: toToolSchema(schemaSource, toolName),
    execute: (input, context) => lastIfIterable(execute.call(value, input, context)),
  };
  if (record['outputSchema'] !== undefined) {
    return { ...tool, outputSchema: toToolSchema(record['outputSchema'], toolName) };
  }
  return tool;
}

/** True for a tool already in toolplan's form (from `defineTool` or `toTool`). */
export function isTool(value: unknown): value is Tool {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const schema = record['inputSchema'] as Partial<ToolSchema> | undefined;
  return (
    typeof record['name'] === 'string' &&
    typeof record['execute'] === 'function' &&
    typeof schema === 'object' &&
    schema !== null &&
    !('_zod' in schema) &&
    typeof schema.validate === 'function' &&
    typeof schema.jsonSchema === 'object'
  );
}

// The AI SDK lets `execute` stream preliminary results as an async iterable; the last is final.
function lastIfIterable(result: unknown): unknown {
  if (typeof result === 'object' && result !== null && Symbol.asyncIterator in result) {
    return (async () => {
      let last: unknown;
      for await (const item of result as AsyncIterable<unknown>) last = item;
      return last;
    })();
  }
  return result;
}
