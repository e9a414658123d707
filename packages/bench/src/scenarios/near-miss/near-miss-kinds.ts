/**
 * The kinds of near miss the `near-miss` scenario mixes into its stream: each is a way a query
 * can look like a learned one while asking for something else. Stable: reports name them.
 */
export const NEAR_MISS_KINDS = [
  'dates-and-times',
  'negations',
  'relations-and-possessives',
  'units-and-currencies',
  'entity-kinds',
  'numbers-that-change-the-tool',
  'languages',
  'paraphrases-that-keep-the-plan',
  'added-constraints',
  'extra-steps',
] as const;

export type NearMissKind = (typeof NEAR_MISS_KINDS)[number];

/**
 * The one kind whose right plan is its base's plan: the wording changed, the request did not. A
 * matcher may serve it from memory, but only with the base's values read right.
 */
export const PLAN_KEEPING_KIND: NearMissKind = 'paraphrases-that-keep-the-plan';

/** The kind of the stream's repeated base queries (what learners should answer from memory). */
export const REPEAT_KIND = 'repeat';
