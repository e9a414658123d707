import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import {
  defineTool,
  type Tool,
  type ToolAnnotations,
  type ToolExecutionContext,
} from 'toolplan/internal';
import type { ScenarioContext } from './bench-scenario.js';
import { drawToolLatency, type ToolLatency } from './tool-latency.js';

/**
 * A scenario's tool: computes a deterministic result (`compute`), after a latency drawn from its
 * documented distribution and divided by the run's speed. Real timers: the benchmark measures
 * wall time.
 *
 * With `batch: true` it also takes many inputs in one request (a `batch` implementation): one
 * latency is drawn for the request, keyed by all its inputs, as for an API whose cost is the
 * round trip rather than the rows. An input that fails fails the whole request.
 */
export function simulatedTool<InputSchema extends z.ZodType, Output>(options: {
  context: ScenarioContext;
  name: string;
  description: string;
  inputSchema: InputSchema;
  latency: ToolLatency;
  compute: (input: z.output<InputSchema>) => Output | Promise<Output>;
  annotations?: ToolAnnotations<z.output<InputSchema>, Output>;
  /** `true`: a batch computes each input with `compute`; or how to compute a whole batch. */
  batch?: boolean | ((inputs: Array<z.output<InputSchema>>) => Output[] | Promise<Output[]>);
}): Tool<z.output<InputSchema>, Output> {
  const { context, name, latency, compute } = options;
  const wait = (args: unknown, signal: AbortSignal) =>
    delay(
      drawToolLatency({ latency, seed: context.seed, tool: name, args }) / context.speed,
      undefined,
      {
        signal,
      },
    );
  return defineTool({
    name,
    description: options.description,
    inputSchema: options.inputSchema,
    ...options.annotations,
    ...(options.batch === undefined || options.batch === false
      ? {}
      : {
          async batch(inputs: Array<z.output<InputSchema>>, { signal }: ToolExecutionContext) {
            await wait(inputs, signal);
            return typeof options.batch === 'function'
              ? options.batch(inputs)
              : Promise.all(inputs.map((input) => compute(input)));
          },
        }),
    async execute(input, { signal }) {
      await wait(input, signal);
      return compute(input);
    },
  });
}
