import type { Tool } from '../tools/index.js';
import type { CompressOptions } from './compress-options.js';
import { compressValue, type ResultCut } from './compress-value.js';
import { projectResult } from './project-result.js';

export interface CompressResultOptions extends CompressOptions {
  /** The tool that produced the result; its `project` / `reasoningFields` apply first. */
  tool: Tool | undefined;
  value: unknown;
  /** The step ran `forEach`: the value is a list of results, projected item by item. */
  forEach?: boolean;
  /** The step id, recorded in the cuts. */
  id?: string;
}

export interface CompressedResult {
  /** What the model may see; every cut is marked in it. */
  value: unknown;
  cuts: ResultCut[];
  tokens: number;
}

/**
 * What the model is shown of one step's result: the tool's projection first (what it declared
 * the model needs), then the generic budget (see `compressValue`) for whatever is still large —
 * which, for a tool that declares neither `project` nor `reasoningFields`, is the whole result.
 */
export function compressResult(options: CompressResultOptions): CompressedResult {
  const { tool, value, forEach, id, ...budget } = options;
  const projected = projectResult(tool, value, forEach === undefined ? {} : { forEach });
  const compressed = compressValue(projected, budget);
  return {
    value: compressed.value,
    cuts: id === undefined ? compressed.cuts : compressed.cuts.map((cut) => ({ id, ...cut })),
    tokens: compressed.tokens,
  };
}
