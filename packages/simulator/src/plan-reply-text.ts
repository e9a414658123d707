import {
  formatStepCall,
  planSchema,
  planStepSchema,
  toPlanEnvelope,
  type IssuePath,
  type PlanStep,
} from 'toolplan/internal';

/** Why a scripted plan object cannot be sent, and where in the plan. */
export interface PlanTextProblem {
  path: IssuePath;
  message: string;
}

/**
 * The text the simulated model replies with for a scripted plan. A plan given as text is sent
 * exactly as written (a scenario scripts a broken plan that way). A plan object is sent in the
 * wire form the planner's prompt asks for — `{"steps": ["id=tool(…) for …", …], "answer": … | null}`,
 * each step written by toolplan's `formatStepCall` (a string step kept as written) — since that
 * is what a competent model following the prompt writes, and its tokens are what it costs.
 * A plan object that is not a plan in the canonical form yields its problems, each with its path
 * inside the plan.
 */
export function planReplyText(
  plan: string | Record<string, unknown>,
): { ok: true; text: string } | { ok: false; problems: PlanTextProblem[] } {
  if (typeof plan === 'string') return { ok: true, text: plan };
  const problems: PlanTextProblem[] = [];
  const at = (path: IssuePath, message: string) => ({ path, message });
  const top = planSchema.safeParse(plan);
  if (!top.success) {
    return {
      ok: false,
      problems: top.error.issues.map((issue) => at(issue.path as IssuePath, issue.message)),
    };
  }
  // Each step written here rather than by toPlanEnvelope, so that a problem names its step.
  const steps: string[] = [];
  top.data.steps.forEach((step, index) => {
    if (typeof step === 'string') {
      steps.push(step);
      return;
    }
    const parsed = planStepSchema.safeParse(step);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(at(['steps', index, ...(issue.path as IssuePath)], issue.message));
      }
      return;
    }
    try {
      steps.push(formatStepCall(parsed.data as PlanStep));
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      problems.push(at(['steps', index], error.message));
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  const envelope = toPlanEnvelope({
    steps,
    ...(typeof top.data.answer === 'string' ? { answer: top.data.answer } : {}),
    ...(top.data.needsReasoning === undefined ? {} : { needsReasoning: top.data.needsReasoning }),
  });
  return { ok: true, text: JSON.stringify(envelope) };
}
