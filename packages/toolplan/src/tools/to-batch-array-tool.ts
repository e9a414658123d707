import type { ArgumentIssue } from '../plan/index.js';
import { ToolDefinitionError } from './tool-definition-error.js';
import type { Tool, ToolSchema } from './tool.js';

/**
 * The array form of a batch tool — the seed's `get_weather_batch(requests=[…])` — that a model
 * can call directly: one call with `{ requests: [input, …] }` runs the tool's `batch` once and
 * returns the outputs in order. Each request is checked against the tool's own input schema.
 * The registry adds it for tools that set `exposeBatch`.
 */
export function toBatchArrayTool(tool: Tool): Tool<{ requests: unknown[] }, unknown[]> {
  const batch = tool.batch;
  if (batch === undefined) {
    throw new ToolDefinitionError({
      message: `Tool \`${tool.name}\` sets \`exposeBatch\` but has no \`batch\` function to expose.`,
      toolName: tool.name,
    });
  }
  const name = typeof tool.exposeBatch === 'string' ? tool.exposeBatch : `${tool.name}_batch`;
  const requests: Record<string, unknown> = {
    type: 'array',
    items: tool.inputSchema.jsonSchema,
    minItems: 1,
    ...(tool.maxBatchSize === undefined ? {} : { maxItems: tool.maxBatchSize }),
  };
  const inputSchema: ToolSchema<{ requests: unknown[] }> = {
    jsonSchema: {
      type: 'object',
      properties: { requests },
      required: ['requests'],
      additionalProperties: false,
    },
    validate(value) {
      const list = (value as { requests?: unknown } | null)?.requests;
      if (!Array.isArray(list) || list.length === 0) {
        return {
          success: false,
          issues: [
            { path: ['requests'], message: '`requests`: expected a non-empty array of inputs' },
          ],
        };
      }
      if (tool.maxBatchSize !== undefined && list.length > tool.maxBatchSize) {
        return {
          success: false,
          issues: [
            {
              path: ['requests'],
              message: `\`requests\`: at most ${tool.maxBatchSize} inputs per call, got ${list.length}`,
            },
          ],
        };
      }
      const issues: ArgumentIssue[] = [];
      const inputs = list.map((item, index) => {
        const checked = tool.inputSchema.validate(item);
        if (checked.success) return checked.value;
        for (const issue of checked.issues) {
          issues.push({
            path: ['requests', index, ...issue.path],
            message: `requests[${index}]: ${issue.message}`,
          });
        }
        return item;
      });
      return issues.length > 0
        ? { success: false, issues }
        : { success: true, value: { requests: inputs } };
    },
  };
  const description = `${tool.description} Batch form: one call with \`requests\`, a list of inputs; returns the results in order.`;
  return {
    name,
    description: description.trim(),
    inputSchema,
    ...(tool.readOnly === undefined ? {} : { readOnly: tool.readOnly }),
    ...(tool.idempotent === undefined ? {} : { idempotent: tool.idempotent }),
    ...(tool.timeoutMs === undefined ? {} : { timeoutMs: tool.timeoutMs }),
    ...(tool.concurrency === undefined ? {} : { concurrency: tool.concurrency }),
    ...(tool.ttlMs === undefined ? {} : { ttlMs: tool.ttlMs }),
    async execute({ requests: inputs }, context) {
      const outputs = await batch.call(tool, inputs, context);
      if (!Array.isArray(outputs) || outputs.length !== inputs.length) {
        throw new Error(
          `\`${tool.name}\`'s batch returned ${Array.isArray(outputs) ? outputs.length : 'no'} results for ${inputs.length} inputs.`,
        );
      }
      return outputs;
    },
  };
}
