import { runToolLoop } from './run-tool-loop.js';
import type { Strategy } from './strategy.js';

/** The tutorial loop: one tool call per model turn (`parallel_tool_calls: false`). */
export const loopSequentialStrategy: Strategy = {
  name: 'loop-sequential',
  description: 'AI SDK generateText tool loop, one tool call per turn',
  async run({ query, tools, model, signal }) {
    const result = await runToolLoop({
      model: model({ parallelToolCalls: false }),
      tools,
      query,
      ...(signal === undefined ? {} : { signal }),
    });
    return { answer: result.answer };
  },
};

/** The strongest loop users have today: every independent call of a turn at once. */
export const loopParallelStrategy: Strategy = {
  name: 'loop-parallel',
  description: 'AI SDK generateText tool loop with parallel tool calls',
  async run({ query, tools, model, signal }) {
    const result = await runToolLoop({
      model: model({ parallelToolCalls: true }),
      tools,
      query,
      ...(signal === undefined ? {} : { signal }),
    });
    return { answer: result.answer };
  },
};
