import { ToolRegistry, type Tool, type ToolExecutionContext } from 'toolplan/internal';

/** One tool call as the benchmark saw it; times in ms since the run's origin. */
export interface ToolCallRecord {
  tool: string;
  args: unknown;
  startMs: number;
  endMs: number;
  ok: boolean;
  /** Set for one `batch` request: how many inputs it carried (`args` is then their array). */
  batchSize?: number;
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
      // A batch is one request to the service: counted once, however many inputs it carries.
      ...(tool.batch === undefined
        ? {}
        : {
            async batch(inputs: unknown[], context: ToolExecutionContext) {
              const startMs = now();
              let ok = false;
              try {
                const values = await (tool.batch as NonNullable<Tool['batch']>)(inputs, context);
                ok = true;
                return values;
              } finally {
                const endMs = now();
                options.record({
                  tool: tool.name,
                  args: inputs,
                  startMs,
                  endMs,
                  ok,
                  batchSize: inputs.length,
                });
              }
            },
          }),
    })),
  );
}
