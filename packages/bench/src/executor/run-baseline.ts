import type { Tool, ToolExecutionContext } from 'toolplan/internal';
import type { DagShape } from './dag-shape.js';
import type { NoopInput } from './noop-tool.js';

/** One context for every baseline call: the no-op tool ignores it, and a hand-written caller would not build one per call. */
const context: ToolExecutionContext = {
  signal: new AbortController().signal,
  abortSignal: new AbortController().signal,
  runId: 'baseline',
  stepId: 'baseline',
  toolCallId: 'baseline',
  attempt: 1,
  idempotencyKey: 'baseline',
  messages: [],
};

/**
 * The shape as the fastest plain JavaScript we found: one promise per step, each awaiting its
 * inputs' promises and then calling the same `execute`; the run is over when every step's
 * promise has settled, and it gives every step's value, like `executePlan`.
 *
 * Two-input steps chain `pa.then((a) => pb.then((b) => …))`: on this machine that cost
 * 0.17 µs/step on the 100×100 diamond, against 0.40 for an `async` function awaiting both and
 * 0.58 for `Promise.all([pa, pb]).then(…)`.
 */
export function runBaseline(shape: DagShape, tool: Tool<NoopInput, number>): Promise<number[]> {
  const execute = tool.execute;
  const promises = new Array<Promise<number>>(shape.inputs.length);
  shape.inputs.forEach((inputs, index) => {
    const [first, second] = inputs;
    if (first === undefined) {
      promises[index] = Promise.resolve(execute({}, context));
    } else if (second === undefined) {
      promises[index] = (promises[first] as Promise<number>).then((a) => execute({ a }, context));
    } else {
      const pending = promises[second] as Promise<number>;
      promises[index] = (promises[first] as Promise<number>).then((a) =>
        pending.then((b) => execute({ a, b }, context)),
      );
    }
  });
  return Promise.all(promises);
}
