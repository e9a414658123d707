import type { z } from 'zod';
import type { Tool } from 'toolplan/internal';
import type { ScenarioContext } from '../bench-scenario.js';
import { simulatedTool } from '../simulated-tool.js';
import { APP_API_LATENCY } from './app-api-latency.js';

/** What a suite says about one of its tools: `simulatedTool`'s options but the shared ones. */
export type SuiteToolOptions<Schema extends z.ZodType, Output> = Omit<
  Parameters<typeof simulatedTool<Schema, Output>>[0],
  'context' | 'latency'
>;

/**
 * Makes a suite's tools for one run: each a `simulatedTool` with the run's context and the
 * application API's latency, typed loosely so that one suite's tools make one list.
 */
export function suiteToolFactory(
  context: ScenarioContext,
): <Schema extends z.ZodType, Output>(options: SuiteToolOptions<Schema, Output>) => Tool {
  return (options) => simulatedTool({ ...options, context, latency: APP_API_LATENCY }) as Tool;
}
