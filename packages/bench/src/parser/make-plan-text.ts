import type { Random } from '@toolplan/simulator';

const CITIES = [
  'Boston',
  'New York',
  'São Paulo',
  'Zürich',
  '東京',
  'Kraków',
  'Reykjavík',
  'Lagos',
];
const TOPICS = [
  'battery recycling',
  'heat pumps in cold climates',
  'the "Jevons paradox"',
  'zoning reform\nand rents',
  'small modular reactors',
  'tidal energy — costs',
];

/**
 * A realistic plan of about `bytes` bytes, as a model writes it (pretty-printed, two-space
 * indent): many steps calling a handful of tools, with arguments of every JSON type, escapes,
 * non-ASCII text, whole references (`$s3.items[0].url`), interpolations (`${s2.temp}`),
 * `forEach` fan-outs and `after` orderings, and an answer template. Seeded, so a run is repeatable.
 */
export function makePlanText(bytes: number, random: Random): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const earlier = (index: number): string => `s${Math.floor(random() * index)}`;
  const steps: unknown[] = [];
  let size = 40;
  for (let index = 0; size < bytes; index += 1) {
    const step = makeStep(index, random, pick, earlier);
    steps.push(step);
    // Each step sits four spaces deeper than JSON.stringify(step, null, 2) alone puts it.
    const text = JSON.stringify(step, null, 2);
    size += text.length + 4 * (text.split('\n').length - 1) + 6;
  }
  const last = `s${steps.length - 1}`;
  return JSON.stringify(
    { steps, answer: `Done: \${${last}.summary} (${steps.length} steps, first at \${s0.temp}°)` },
    null,
    2,
  );
}

function makeStep(
  index: number,
  random: Random,
  pick: <T>(items: readonly T[]) => T,
  earlier: (index: number) => string,
): Record<string, unknown> {
  const id = `s${index}`;
  const kind = index === 0 ? 0 : Math.floor(random() * 5);
  switch (kind) {
    case 0:
      return {
        id,
        tool: 'get_weather',
        args: { city: pick(CITIES), date: `2024-01-${String(10 + (index % 20))}`, units: 'metric' },
      };
    case 1:
      return {
        id,
        tool: 'search_web',
        args: {
          query: `${pick(TOPICS)} ${pick(CITIES)}`,
          limit: 1 + Math.floor(random() * 20),
          filters: { since: '2023-06-01', lang: ['en', 'de'], safe: true, minScore: 0.25 },
        },
      };
    case 2:
      return {
        id,
        tool: 'fetch_page',
        forEach: `$${earlier(index)}.results`,
        args: { url: '$item.url', maxBytes: 65536, index: '$index' },
      };
    case 3:
      return {
        id,
        tool: 'compare_temps',
        args: {
          results: [`$${earlier(index)}`, `$${earlier(index)}.temp`],
          threshold: Number((random() * 10).toFixed(2)),
          scale: 1.5e-3,
          note: `Δ between \${${earlier(index)}.temp} and \${${earlier(index)}.temp} — 😀`,
        },
        after: [earlier(index)],
      };
    default:
      return {
        id,
        tool: 'summarize',
        args: {
          text: `$${earlier(index)}.items[0].body`,
          style: { bullets: true, maxWords: 120, tone: null },
          quote: 'He said "use \\ with care"\tthen left.',
        },
      };
  }
}
