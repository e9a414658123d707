import { ToolRegistry, type Tool } from '../tools/index.js';

/** One tool call as the benchmark saw it; times in ms since the run's origin. */
export interface ToolCallRecord {
  tool: string;
  args: unknown;
  startMs: number;
  endMs: number;
  ok: boolean;
}

/**
 * The same tools, each call recorded: the benchmark counts tool calls (and draws timelines) the
 * same way for every strategy, whether the AI SDK loop or toolplan's executor makes the call.
 */
export function instrumentTools(
  registry: ToolRegistry,
  options: { origin: number; record: (call: ToolCallRecord) => void },
): ToolRegistry {
  const now = () => performance.now() - options.origin;
  return new ToolRegistry(
    registry.list().map((tool): Tool => ({
      ...tool,
      async execute(input, context) {
        const startMs = now();
        let ok = false;
        try {
          const value = await tool.execute(input, context);
          ok = true;
          return value;
        } finally {
          options.record({ tool: tool.name, args: input, startMs, endMs: now(), ok });
        }
      },
    })),
  );
}
