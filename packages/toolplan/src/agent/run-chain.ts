import { executePlan, type ExecutePlanOptions, type RunResult } from '../runtime/index.js';
import { CHAIN_PARAMS_ID, type CompiledChain } from '../trace/index.js';

export interface RunChainOptions {
  /** A chain checked against the tools by `compileChain`. */
  chain: CompiledChain;
  /** The parameters a match extracted; checked against their declared types first. */
  params: Readonly<Record<string, unknown>>;
  /** How the plan is executed; `results` is taken by the parameters. */
  execute?: Omit<ExecutePlanOptions, 'results'>;
}

/**
 * Runs a compiled chain's plan with its parameters as the existing result `params`: no model call.
 * Parameters that do not fit their types throw `ChainParamsError` before any tool runs.
 */
export function runChain(options: RunChainOptions): Promise<RunResult> {
  const params = options.chain.checkParams(options.params);
  return executePlan(options.chain.plan, options.chain.tools, {
    ...options.execute,
    results: { [CHAIN_PARAMS_ID]: params },
    // A chain's parameters are the query's own values, bound by its matcher: the user chose them.
    resultSources: { [CHAIN_PARAMS_ID]: [{ kind: 'query', trusted: true }] },
  });
}
