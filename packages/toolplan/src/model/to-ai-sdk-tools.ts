import type { ToolSet } from 'ai';
import { loadAiSdk } from './load-ai-sdk.js';
import type { ToolRegistry } from '../tools/index.js';

/**
 * The registry's tools as an AI SDK tool set, under provider-safe names, for the AI SDK's own
 * tool loop (`generateText` with tools). Each call is validated by the tool's schema and runs the
 * tool's own `execute` — the baseline runs exactly the tools toolplan runs.
 */
export function toAiSdkTools(registry: ToolRegistry, options: { runId?: string } = {}): ToolSet {
  const runId = options.runId ?? 'loop';
  const { jsonSchema, tool: aiTool } = loadAiSdk();
  const tools: ToolSet = {};
  for (const tool of registry.list()) {
    tools[registry.providerName(tool.name)] = aiTool({
      description: tool.description,
      inputSchema: jsonSchema<unknown>(tool.inputSchema.jsonSchema, {
        validate: (value) => {
          const result = tool.inputSchema.validate(value);
          if (result.success) return { success: true, value: result.value };
          return {
            success: false,
            error: new Error(result.issues.map((issue) => issue.message).join('; ')),
          };
        },
      }),
      execute: (input, { toolCallId, abortSignal, messages }) => {
        const signal = abortSignal ?? new AbortController().signal;
        return tool.execute(input, {
          signal,
          abortSignal: signal,
          runId,
          stepId: toolCallId,
          toolCallId,
          attempt: 1,
          idempotencyKey: `${runId}:${toolCallId}`,
          messages,
        });
      },
    });
  }
  return tools;
}
