// Tableau 10: ten hues told apart easily, also by most colour-blind readers.
const palette = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/**
 * One colour per strategy, by the order strategies are first named: the same strategy has the
 * same colour in every chart of a report.
 */
export function strategyColors(strategies: Iterable<string>): Map<string, string> {
  const colors = new Map<string, string>();
  for (const strategy of strategies) {
    if (!colors.has(strategy))
      colors.set(strategy, palette[colors.size % palette.length] as string);
  }
  return colors;
}
