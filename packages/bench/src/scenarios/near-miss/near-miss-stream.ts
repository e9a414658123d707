import { createSeededRandom, type Random } from '@toolplan/simulator';
import { NEAR_MISS_BASES, NEAR_MISS_PATTERNS } from './near-miss-catalog.js';
import type { NearMissDraft } from './near-miss-draft.js';
import { REPEAT_KIND } from './near-miss-kinds.js';
import { shuffle } from '../seeded-draws.js';

/** How the stream is made; the defaults are the bench's. */
export interface NearMissStreamOptions {
  seed: number;
  /**
   * Draws of each base at the head of the stream, before any near miss: enough for the plan
   * cache (one run) and for mined chains (three runs of a shape, mined every eight runs).
   * @default 4
   */
  warmUpPerBase?: number;
  /** Near misses after the warm-up, the patterns taken in turn. @default 1,040 */
  nearMisses?: number;
  /** Repeats of the bases mixed among the near misses. @default 520 */
  repeats?: number;
}

/** One query of the stream: what kind it is, which pattern or base made it, its draft. */
export interface NearMissStreamItem extends NearMissDraft {
  /** `repeat` for a base's query, else the near miss's kind. */
  kind: string;
  /** The base template (`repeat`) or near-miss pattern it was drawn from. */
  source: string;
}

const DEFAULTS = { warmUpPerBase: 4, nearMisses: 1040, repeats: 520 } as const;
/** Redraws of a near miss whose query came out already drawn, so the near misses vary. */
const REDRAWS = 24;

/** The number of queries at the head of a stream drawn with these options that are warm-up. */
export function nearMissWarmUp(options: Pick<NearMissStreamOptions, 'warmUpPerBase'> = {}) {
  return NEAR_MISS_BASES.length * (options.warmUpPerBase ?? DEFAULTS.warmUpPerBase);
}

function drawRepeat(random: Random, index: number): NearMissStreamItem {
  const base = NEAR_MISS_BASES[index % NEAR_MISS_BASES.length];
  if (base === undefined) throw new Error('the near-miss scenario has no bases');
  return { ...base.draw(random), kind: REPEAT_KIND, source: base.id };
}

/**
 * The stream: a warm-up of every base drawn a few times (shuffled), then near misses of every
 * pattern in turn, each filled with fresh values, shuffled among repeats of the bases. The same
 * seed gives the same stream.
 */
export function nearMissStream(options: NearMissStreamOptions): NearMissStreamItem[] {
  const random = createSeededRandom(options.seed * 7907 + 29);
  const warmUpPerBase = options.warmUpPerBase ?? DEFAULTS.warmUpPerBase;
  const warmUp = Array.from({ length: NEAR_MISS_BASES.length * warmUpPerBase }, (_, index) =>
    drawRepeat(random, index),
  );
  const seen = new Set<string>();
  const nearMisses: NearMissStreamItem[] = [];
  for (let index = 0; index < (options.nearMisses ?? DEFAULTS.nearMisses); index += 1) {
    const pattern = NEAR_MISS_PATTERNS[index % NEAR_MISS_PATTERNS.length];
    if (pattern === undefined) throw new Error('the near-miss scenario has no patterns');
    let drawn = pattern.draw(random).nearMiss;
    for (let redraw = 0; redraw < REDRAWS && seen.has(drawn.query); redraw += 1) {
      drawn = pattern.draw(random).nearMiss;
    }
    seen.add(drawn.query);
    nearMisses.push({ ...drawn, kind: pattern.kind, source: pattern.id });
  }
  const repeats = Array.from({ length: options.repeats ?? DEFAULTS.repeats }, (_, index) =>
    drawRepeat(random, index),
  );
  return [...shuffle(random, warmUp), ...shuffle(random, [...nearMisses, ...repeats])];
}
