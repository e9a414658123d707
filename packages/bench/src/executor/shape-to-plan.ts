import type { Plan } from 'toolplan/internal';
import type { DagShape } from './dag-shape.js';
import { NOOP_TOOL_NAME } from './noop-tool.js';

/** The step id of the step at `index`. */
export function stepId(index: number): string {
  return `s${index}`;
}

/** The plan of a shape: step `i` calls the no-op tool with `{ a: "$s…", b: "$s…" }`. */
export function shapeToPlan(shape: DagShape): Plan {
  return {
    steps: shape.inputs.map((inputs, index) => {
      const args: Record<string, string> = {};
      const [a, b] = inputs;
      if (a !== undefined) args['a'] = `$${stepId(a)}`;
      if (b !== undefined) args['b'] = `$${stepId(b)}`;
      return { id: stepId(index), tool: NOOP_TOOL_NAME, args };
    }),
  };
}
