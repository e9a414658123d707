import type { Tool } from '../tools/index.js';

/**
 * How long one call of `tool` may take in a run: the tool's own `timeoutMs`, else the run's
 * `defaultTimeoutMs`; `undefined` for none. `Infinity` means none too: a timer that long would
 * fire at once (Node caps delays at 2^31 - 1 ms).
 */
export function callTimeoutMs(
  tool: Tool,
  defaultTimeoutMs: number | undefined,
): number | undefined {
  const configured = tool.timeoutMs ?? defaultTimeoutMs;
  return configured !== undefined && Number.isFinite(configured) ? configured : undefined;
}
