import { createHash } from 'node:crypto';

/** A source of uniform numbers in [0, 1) that replays the same sequence for the same seed. */
export type Random = () => number;

/**
 * mulberry32, a 32-bit seeded generator. Written out rather than imported: `pure-rand` is only
 * present here as a dependency of fast-check (a dev dependency), and ten lines are cheaper than a
 * runtime dependency. Its quality is ample for drawing latencies; it is not for cryptography.
 */
export function createSeededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed derived from the run's seed and any text. Each request draws from its own
 * generator seeded this way (run seed + what was asked + how many times it was asked before), so
 * concurrent requests arriving in a different order still get the same draws.
 */
export function deriveSeed(seed: number, ...parts: ReadonlyArray<string | number>): number {
  const hash = createHash('sha256');
  hash.update(String(seed));
  for (const part of parts) hash.update(`\u0000${String(part)}`);
  return hash.digest().readUInt32LE(0);
}

/** A standard normal draw (Box–Muller). */
export function drawStandardNormal(random: Random): number {
  // 1 - u keeps the logarithm's argument in (0, 1].
  const u1 = 1 - random();
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Letters and digits drawn from `random`, for ids shaped like OpenAI's (`call_JMW1whyE…`). */
export function drawId(random: Random, length: number): string {
  let id = '';
  for (let index = 0; index < length; index += 1) {
    id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
  }
  return id;
}
