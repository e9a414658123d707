import type { Plan, PlanStep } from 'toolplan/internal';
import type { Random } from '@toolplan/simulator';
import type { BaseTemplate, NearMissDraft, NearMissPattern } from './near-miss-draft.js';
import type { NearMissKind } from './near-miss-kinds.js';

/** A query's wording and what it asks for, in the domain's own terms. */
export interface Asked<Request> {
  query: string;
  request: Request;
}

/**
 * One domain of the near-miss scenario written as data: how to draw values, how to answer any
 * request of the domain (the right plan and its answer), the learnable bases and the near misses
 * of each. Writing a near miss is then one wording and one request.
 */
export interface NearMissDomain<Values, Request> {
  name: string;
  drawValues(random: Random): Values;
  /** The right plan for a request, whatever its wording, and the answer it gives. */
  solve(request: Request): { steps: PlanStep[]; answer: string; expected: string };
  bases: Record<string, (values: Values) => Asked<Request>>;
  nearMisses: ReadonlyArray<{
    kind: NearMissKind;
    base: string;
    ask: (values: Values) => Asked<Request>;
  }>;
}

function toDraft<Request>(
  domain: NearMissDomain<unknown, Request>,
  asked: Asked<Request>,
): NearMissDraft {
  const solved = domain.solve(asked.request);
  const plan: Plan & { answer: string } = { steps: solved.steps, answer: solved.answer };
  return { query: asked.query, plan, answer: solved.expected };
}

/** A domain's bases and patterns in the scenario's domain-free form. */
export function defineNearMissDomain<Values, Request>(
  domain: NearMissDomain<Values, Request>,
): { bases: BaseTemplate[]; patterns: NearMissPattern[] } {
  const erased = domain as unknown as NearMissDomain<unknown, Request>;
  const bases = Object.entries(domain.bases).map(([name, ask]): BaseTemplate => ({
    id: `${domain.name}/${name}`,
    draw: (random) => toDraft(erased, ask(domain.drawValues(random))),
  }));
  const patterns = domain.nearMisses.map((nearMiss, index): NearMissPattern => {
    const ask = domain.bases[nearMiss.base];
    if (ask === undefined) throw new Error(`${domain.name}: no base \`${nearMiss.base}\``);
    return {
      id: `${domain.name}/${String(index + 1).padStart(2, '0')}`,
      kind: nearMiss.kind,
      base: `${domain.name}/${nearMiss.base}`,
      draw(random) {
        const values = domain.drawValues(random);
        return {
          base: toDraft(erased, ask(values)),
          nearMiss: toDraft(erased, nearMiss.ask(values)),
        };
      },
    };
  });
  return { bases, patterns };
}
