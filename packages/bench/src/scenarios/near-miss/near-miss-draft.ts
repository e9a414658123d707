import type { Plan } from 'toolplan/internal';
import type { Random } from '@toolplan/simulator';
import type { NearMissKind } from './near-miss-kinds.js';

/** One query of the stream before it becomes a bench case: its wording, right plan and answer. */
export interface NearMissDraft {
  query: string;
  /** The right plan; its steps are also the scripted tool loop's calls (same ids). */
  plan: Plan & { answer: string };
  /** The answer a correct run gives, exactly. */
  answer: string;
}

/**
 * A learnable query shape of one domain: drawn with varied values, it is the stream's repeated
 * traffic.
 */
export interface BaseTemplate {
  /** Unique over the scenario, `domain/name`. */
  id: string;
  draw(random: Random): NearMissDraft;
}

/**
 * A near miss written by hand: a variation of a base template's wording whose right plan differs
 * from the base's (other arguments, another tool, an extra step), except for the plan-keeping
 * kind. `draw` fills both with the same values, so the pair can be compared.
 */
export interface NearMissPattern {
  /** Unique over the scenario, `domain/number`. */
  id: string;
  kind: NearMissKind;
  /** The base template it varies. */
  base: string;
  draw(random: Random): { base: NearMissDraft; nearMiss: NearMissDraft };
}
