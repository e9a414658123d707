// `toolplan/trace`: the trace log and chain mining, as `toolplan traces` and `toolplan chains`
// use them, for programs of their own.
export { mineChains } from '../trace/mine-chains.js';
export { matchChain } from '../trace/match-chain.js';
export { createChainMatcher } from '../trace/create-chain-matcher.js';
export { compileChain } from '../trace/compile-chain.js';
export { summarizeTraces, formatToolSequence } from '../trace/summarize-traces.js';
export { parseChainFile } from '../trace/load-chain-files.js';
export { writeChainFile } from '../trace/write-chain-file.js';
export { chainDefinitionSchema } from '../trace/chain-definition.js';
export { toTraceRun } from '../trace/to-trace-run.js';
export { createPostgresTraceStore } from '../trace/create-postgres-trace-store.js';
export { isPostgresUrl, traceStoreTarget } from '../trace/trace-store-target.js';
export type * from '../trace/index.js';
