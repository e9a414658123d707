import type { Plan, PlanStep } from 'toolplan/internal';

/** A reference's head in a plan string (`$w`, `$w.temp`, `${w.temp}`, `$w[0]`), or an escaped `$$`. */
const REFERENCE_HEAD = /\$\$|\$(\{?)([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The same plan with every step id prefixed (`w` → `b_w`) and every reference to one renamed,
 * in arguments, `forEach`, `after` and the answer template, so that two plans can be joined
 * into one without their ids colliding. `$item`, `$index` and `$params` are not step ids and
 * are left alone.
 */
export function prefixPlanIds<Answer extends string | undefined>(
  plan: Plan & { answer: Answer },
  prefix: string,
): Plan & { answer: Answer } {
  const ids = new Map(plan.steps.map((step) => [step.id, `${prefix}${step.id}`]));
  const renameText = (text: string) =>
    text.replace(REFERENCE_HEAD, (whole, brace: string | undefined, id: string | undefined) => {
      if (id === undefined) return whole;
      const renamed = ids.get(id);
      return renamed === undefined ? whole : `$${brace ?? ''}${renamed}`;
    });
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return renameText(value);
    if (Array.isArray(value)) return value.map(rename);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rename(item)]));
    }
    return value;
  };
  const steps = plan.steps.map((step): PlanStep => {
    const renamed: PlanStep = {
      ...step,
      id: ids.get(step.id) ?? step.id,
      args: rename(step.args) as PlanStep['args'],
    };
    if (step.forEach !== undefined) renamed.forEach = rename(step.forEach) as string | unknown[];
    if (step.after !== undefined) renamed.after = step.after.map((id) => ids.get(id) ?? id);
    return renamed;
  });
  const answer = (plan.answer === undefined ? undefined : renameText(plan.answer)) as Answer;
  return { ...plan, steps, answer } as Plan & { answer: Answer };
}
