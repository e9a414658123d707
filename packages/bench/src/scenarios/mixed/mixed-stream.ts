import { createSeededRandom, type Random } from '@toolplan/simulator';
import { NEAR_MISS_BASES, NEAR_MISS_PATTERNS } from '../near-miss/near-miss-catalog.js';
import type { BaseTemplate, NearMissDraft, NearMissPattern } from '../near-miss/near-miss-draft.js';
import { REPEAT_KIND } from '../near-miss/near-miss-kinds.js';
import { pick, shuffle } from '../seeded-draws.js';
import { newsDomain } from './mixed-news.js';
import { prefixPlanIds } from './prefix-plan-ids.js';

/** The kind of a question never asked before in any form: two requests in one message. */
export const NOVEL_KIND = 'novel';

/** How the stream is made; the defaults are the bench's. */
export interface MixedStreamOptions {
  seed: number;
  /** Queries after the warm-up. @default 360 */
  measured?: number;
  /** Draws of each learnable base at the head of the stream. @default 4 */
  warmUpPerBase?: number;
}

/** One query of the stream: its kind, where it came from, whether a slow search is in it. */
export interface MixedStreamItem extends NearMissDraft {
  /** `repeat`, a near miss's kind, or `novel`. */
  kind: string;
  /** The base(s) or pattern it was drawn from. */
  source: string;
  /** Its plan waits on the slow news search. */
  slowSearch: boolean;
}

/** The stream's proportions after the warm-up, as production traffic would mix them. */
export const MIXED_PROPORTIONS = { repeat: 0.4, nearMiss: 0.2, novel: 0.4 } as const;
/** Of every kind, the share behind the slow search. */
export const SLOW_SHARE = 1 / 3;

const DEFAULTS = { measured: 360, warmUpPerBase: 4 } as const;

const SLOW_BASES: readonly BaseTemplate[] = newsDomain.bases;
const FAST_BASES: readonly BaseTemplate[] = NEAR_MISS_BASES;
const SLOW_PATTERNS: readonly NearMissPattern[] = newsDomain.patterns;
const FAST_PATTERNS: readonly NearMissPattern[] = NEAR_MISS_PATTERNS;

/** Every base the stream's warm-up teaches: the near-miss domains' and the news search's. */
export const MIXED_BASES: readonly BaseTemplate[] = [...FAST_BASES, ...SLOW_BASES];

/** The number of queries at the head of a stream drawn with these options that are warm-up. */
export function mixedWarmUp(options: Pick<MixedStreamOptions, 'warmUpPerBase'> = {}): number {
  return MIXED_BASES.length * (options.warmUpPerBase ?? DEFAULTS.warmUpPerBase);
}

function domainOf(base: BaseTemplate): string {
  return base.id.split('/')[0] ?? base.id;
}

function sentence(query: string): string {
  return /[.?!]$/.test(query) ? query : `${query}.`;
}

/** Two requests in one message: both plans side by side, both answers in order. */
export function compound(first: NearMissDraft, second: NearMissDraft): NearMissDraft {
  const a = prefixPlanIds(first.plan, 'a_');
  const b = prefixPlanIds(second.plan, 'b_');
  return {
    query: `${sentence(first.query)} ${sentence(second.query)}`,
    plan: { steps: [...a.steps, ...b.steps], answer: `${a.answer} ${b.answer}` },
    answer: `${first.answer} ${second.answer}`,
  };
}

function repeatOf(random: Random, bases: readonly BaseTemplate[], index: number): MixedStreamItem {
  const base = bases[index % bases.length] as BaseTemplate;
  return {
    ...base.draw(random),
    kind: REPEAT_KIND,
    source: base.id,
    slowSearch: SLOW_BASES.includes(base),
  };
}

function nearMissOf(random: Random, pattern: NearMissPattern): MixedStreamItem {
  return {
    ...pattern.draw(random).nearMiss,
    kind: pattern.kind,
    source: pattern.id,
    slowSearch: SLOW_PATTERNS.includes(pattern),
  };
}

function novelOf(random: Random, slow: boolean): MixedStreamItem {
  const first = pick(random, slow ? SLOW_BASES : FAST_BASES);
  const others = FAST_BASES.filter((base) => domainOf(base) !== domainOf(first));
  const second = pick(random, others);
  const [left, right] = random() < 0.5 ? [first, second] : [second, first];
  return {
    ...compound(left.draw(random), right.draw(random)),
    kind: NOVEL_KIND,
    source: `${left.id} + ${right.id}`,
    slowSearch: slow,
  };
}

/**
 * The `mixed` stream: a warm-up of every base, then repeats, near misses and novel compound
 * questions in fixed proportions (40/20/40), a third of each behind the slow news search,
 * shuffled. The same seed gives the same stream.
 */
export function mixedStream(options: MixedStreamOptions): MixedStreamItem[] {
  const random = createSeededRandom(options.seed * 6151 + 7);
  const measured = options.measured ?? DEFAULTS.measured;
  const warmUpPerBase = options.warmUpPerBase ?? DEFAULTS.warmUpPerBase;
  const warmUp = Array.from({ length: MIXED_BASES.length * warmUpPerBase }, (_, index) =>
    repeatOf(random, MIXED_BASES, index),
  );
  const split = (share: number) => {
    const count = Math.round(measured * share);
    const slow = Math.round(count * SLOW_SHARE);
    return { slow, fast: count - slow };
  };
  const repeats = split(MIXED_PROPORTIONS.repeat);
  const nearMisses = split(MIXED_PROPORTIONS.nearMiss);
  const novel = split(MIXED_PROPORTIONS.novel);
  const fastPatterns = shuffle(random, [...FAST_PATTERNS]);
  const rest: MixedStreamItem[] = [
    ...Array.from({ length: repeats.slow }, (_, index) => repeatOf(random, SLOW_BASES, index)),
    ...Array.from({ length: repeats.fast }, (_, index) => repeatOf(random, FAST_BASES, index)),
    ...Array.from({ length: nearMisses.slow }, (_, index) =>
      nearMissOf(random, SLOW_PATTERNS[index % SLOW_PATTERNS.length] as NearMissPattern),
    ),
    ...Array.from({ length: nearMisses.fast }, (_, index) =>
      nearMissOf(random, fastPatterns[index % fastPatterns.length] as NearMissPattern),
    ),
    ...Array.from({ length: novel.slow }, () => novelOf(random, true)),
    ...Array.from({ length: novel.fast }, () => novelOf(random, false)),
  ];
  return [...shuffle(random, warmUp), ...shuffle(random, rest)];
}
