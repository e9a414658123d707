import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import { defineTool, type Tool, type ToolAnnotations } from '../../tools/index.js';
import type { ScenarioContext } from './bench-scenario.js';
import { drawToolLatency, type ToolLatency } from './tool-latency.js';

/**
 * A scenario's tool: computes a deterministic result (`compute`), after a latency drawn from its
 * documented distribution and divided by the run's speed. Real timers: the benchmark measures
 * wall time.
 */
export function simulatedTool<InputSchema extends z.ZodType, Output>(options: {
  context: ScenarioContext;
  name: string;
  description: string;
  inputSchema: InputSchema;
  latency: ToolLatency;
  compute: (input: z.output<InputSchema>) => Output | Promise<Output>;
  annotations?: ToolAnnotations<z.output<InputSchema>, Output>;
}): Tool<z.output<InputSchema>, Output> {
  const { context, name, latency, compute } = options;
  return defineTool({
    name,
    description: options.description,
    inputSchema: options.inputSchema,
    ...options.annotations,
    async execute(input, { signal }) {
      const ms = drawToolLatency({ latency, seed: context.seed, tool: name, args: input });
      await delay(ms / context.speed, undefined, { signal });
      return compute(input);
    },
  });
}
