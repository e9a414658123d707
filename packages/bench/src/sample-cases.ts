import { createSeededRandom, deriveSeed } from '@toolplan/simulator';

/**
 * A seeded sample of `size` cases, in their original order: the same seed gives the same sample.
 * A stream (traffic whose order matters, learners warming up over it) keeps its first `size`
 * cases instead, so the sample is still a stream with its warm-up at the head.
 */
export function sampleCases<Case>(options: {
  cases: readonly Case[];
  size: number;
  seed: number;
  /** The scenario's name, so that each scenario draws its own sample. */
  scenario: string;
  stream: boolean;
}): Case[] {
  const { cases, size } = options;
  if (size >= cases.length) return [...cases];
  if (options.stream) return cases.slice(0, size);
  const random = createSeededRandom(deriveSeed(options.seed, 'sample', options.scenario));
  // A partial Fisher–Yates shuffle of the indices picks `size` of them uniformly.
  const indices = cases.map((_, index) => index);
  for (let position = 0; position < size; position += 1) {
    const pick = position + Math.floor(random() * (indices.length - position));
    [indices[position], indices[pick]] = [indices[pick] as number, indices[position] as number];
  }
  return indices
    .slice(0, size)
    .sort((left, right) => left - right)
    .map((index) => cases[index] as Case);
}
