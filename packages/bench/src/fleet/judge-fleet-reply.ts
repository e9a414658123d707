import type { EffectOutcome } from './fleet-figures.js';
import { FLEET_TENANTS } from './fleet-tools.js';
import type { FleetRunReply } from './fleet-messages.js';
import type { FleetCase } from './fleet-traffic.js';

/** One query of a pass, as its caller saw it. */
export interface FleetQueryOutcome {
  benchCase: FleetCase;
  /** The run id it was sent with (each time, when it was sent again). */
  runId: string;
  position: number;
  latencyMs: number;
  /** The last reply (an answer or an error); none when the query was never answered. */
  reply?: FleetRunReply;
  attempts: number;
  correct: boolean;
  /** The answer named a tenant other than the caller's. */
  crossedScope: boolean;
}

/** How a query of the fleet came out: right, and whether its answer showed another tenant's data. */
export function judgeFleetReply(options: {
  benchCase: FleetCase;
  runId: string;
  position: number;
  latencyMs: number;
  attempts: number;
  reply?: FleetRunReply;
}): FleetQueryOutcome {
  const { benchCase, reply } = options;
  const answer = reply?.type === 'result' ? reply.answer.trim() : undefined;
  return {
    ...options,
    correct: answer === benchCase.expectedAnswer.trim(),
    crossedScope:
      answer !== undefined &&
      FLEET_TENANTS.some((tenant) => tenant !== benchCase.tenant && answer.includes(tenant)),
  };
}

/**
 * Why a query failed, when it failed and said so: the error of its first failed step (what broke,
 * say `WorkerDiedError`), else the run's own error.
 */
export function failureName(outcome: FleetQueryOutcome): string | undefined {
  const reply = outcome.reply;
  if (reply === undefined || outcome.correct) return undefined;
  const failed = reply.steps?.find((step) => step.status === 'error' && step.error !== undefined);
  const stepError = failed?.error?.split(':')[0];
  if (reply.type === 'error') return stepError ?? reply.name;
  return stepError;
}

/** How the caller saw the side effect a query asked for: made, failed and said so, or never answered. */
export function effectOutcome(outcome: FleetQueryOutcome): EffectOutcome {
  const reply = outcome.reply;
  if (reply === undefined) return 'unanswered';
  if (reply.type === 'error') return 'reported-failed';
  const steps = reply.steps.filter((step) => step.tool === outcome.benchCase.effect?.tool);
  return steps.some((step) => step.status === 'ok') || steps.length === 0
    ? 'answered'
    : 'reported-failed';
}

/** The side effects a pass's queries asked for, with how each query ended. */
export function requestedEffects(
  outcomes: readonly FleetQueryOutcome[],
): Array<{ reference: string; idempotent: boolean; outcome: EffectOutcome }> {
  return outcomes.flatMap((outcome) => {
    const effect = outcome.benchCase.effect;
    return effect === undefined
      ? []
      : [
          {
            reference: effect.reference,
            idempotent: effect.idempotent,
            outcome: effectOutcome(outcome),
          },
        ];
  });
}
