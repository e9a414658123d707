// `toolplan/runtime`: the executor's parts for those who assemble their own pipeline or test
// against a virtual clock.
export { createVirtualClock } from '../runtime/virtual-clock.js';
export { createSideEffectLedger } from '../runtime/side-effect-ledger.js';
export { createSpeculator } from '../runtime/speculator.js';
export { createChainStepPredictor } from '../runtime/create-chain-step-predictor.js';
export { startStreamingExecution } from '../runtime/start-streaming-execution.js';
export type * from '../runtime/index.js';
