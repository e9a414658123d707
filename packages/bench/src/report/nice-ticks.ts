/**
 * Axis ticks from 0 to at least `max`, spaced 1, 2 or 5 × 10ⁿ apart, about `count` of them: the
 * last tick is the axis's end, so every bar ends on the drawn scale.
 */
export function niceTicks(options: {
  max: number;
  /** @default 5 */
  count?: number;
}): number[] {
  const count = options.count ?? 5;
  const max = Number.isFinite(options.max) && options.max > 0 ? options.max : 1;
  const rough = max / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude;
  const ticks: number[] = [];
  // Multiplying rather than adding keeps 0.1-steps free of accumulated rounding (0.30000000000000004).
  for (let index = 0; ticks.length === 0 || (ticks.at(-1) as number) < max; index += 1) {
    ticks.push(Number((index * step).toPrecision(12)));
  }
  return ticks;
}
