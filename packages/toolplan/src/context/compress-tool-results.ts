import { ToolRegistry, type Tool } from '../tools/index.js';
import type { CompressOptions } from './compress-options.js';
import { resolveCompressOptions } from './compress-options.js';
import { compressResult } from './compress-result.js';

/**
 * The same tools, each result compressed (`compressResult`: the tool's projection, then the
 * token budget, every cut marked) before it is returned: for a tool loop, where whatever a tool
 * returns goes to the model verbatim and stays in the history of every later request. The full
 * result is not kept — a loop has nowhere to keep it; that is what a session's store is for.
 */
export function compressToolResults(
  registry: ToolRegistry,
  options: CompressOptions = {},
): ToolRegistry {
  // Checked now: a wrong option should fail where the tools are wrapped, not at the first call.
  resolveCompressOptions(options);
  return new ToolRegistry(
    registry.list().map((tool): Tool => ({
      ...tool,
      async execute(input, context) {
        return compressResult({ ...options, tool, value: await tool.execute(input, context) })
          .value;
      },
      // A batch's results are compressed one by one, as the loop would show each.
      ...(tool.batch === undefined
        ? {}
        : {
            async batch(inputs: unknown[], context) {
              const values = await (tool.batch as NonNullable<Tool['batch']>)(inputs, context);
              return values.map((value) => compressResult({ ...options, tool, value }).value);
            },
          }),
    })),
  );
}
