import type { Plan } from 'toolplan/internal';
import type { ScriptedCall } from '@toolplan/simulator';
import type { InjectionTaskScript } from './injection-suite.js';

type Step = Plan['steps'][number];

/**
 * The script of a task that goes straight through: the loop makes the plan's calls (the same ids,
 * so the same answer template), and the plan answers itself.
 */
export function straightScript(steps: readonly Step[], answer: string): InjectionTaskScript {
  return {
    loop: { calls: steps.map(toCall), answer },
    plan: { steps: [...steps], answer },
    joinAnswer: answer,
  };
}

/** Suffix of the ids a replan (or the loop's second try) gives the calls it makes again. */
export const AGAIN = 'Again';

/**
 * The script of a task whose `flaky` call fails once (see `failOnce`): the loop calls it, reads
 * the failure and calls it again; the plan's `flaky` step fails, its dependents are skipped, and
 * the replan makes it again with the rest. `rest` and `answer` take the id the flaky call's
 * result has and the suffix of the rest's ids (`''` in the first plan and the loop).
 */
export function replanScript(options: {
  first: readonly Step[];
  flaky: Step;
  rest: (flakyId: string, suffix: string) => Step[];
  answer: (flakyId: string, suffix: string) => string;
}): InjectionTaskScript {
  const { first, flaky, rest, answer } = options;
  const again = `${flaky.id}${AGAIN}`;
  return {
    loop: {
      calls: [
        ...first.map(toCall),
        toCall(flaky),
        { ...toCall(flaky), id: again, after: [flaky.id] },
        ...rest(again, '').map(toCall),
      ],
      answer: answer(again, ''),
    },
    plan: { steps: [...first, flaky, ...rest(flaky.id, '')], answer: answer(flaky.id, '') },
    replan: {
      steps: [{ ...flaky, id: again }, ...rest(again, AGAIN)],
      answer: answer(again, AGAIN),
    },
    joinAnswer: answer(again, AGAIN),
  };
}

function toCall(step: Step): ScriptedCall {
  return { id: step.id, tool: step.tool, args: step.args as Record<string, unknown> };
}
