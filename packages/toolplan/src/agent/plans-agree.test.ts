import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/index.js';
import { plansAgree } from './plans-agree.js';

const weather = (ids: [string, string], cities: [string, string]): Plan => ({
  steps: [
    { id: ids[0], tool: 'get_weather', forEach: cities, args: { city: '$item' } },
    {
      id: ids[1],
      tool: 'compare',
      args: { results: `$${ids[0]}`, note: `from \${${ids[0]}[0].city}` },
    },
  ],
  answer: `Warmest: \${${ids[1]}.warmest}`,
});

describe('plansAgree', () => {
  it('agrees on the same calls whatever the step ids and the answer’s wording', () => {
    const other = { ...weather(['w', 'c'], ['Oslo', 'Rome']), answer: 'It is ${c.warmest}.' };
    expect(plansAgree(weather(['a', 'b'], ['Oslo', 'Rome']), other)).toBe(true);
  });

  it('disagrees on another value, tool, reference, order or number of steps', () => {
    const base = weather(['a', 'b'], ['Oslo', 'Rome']);
    expect(plansAgree(base, weather(['a', 'b'], ['Oslo', 'Lima']))).toBe(false);
    expect(plansAgree(base, { steps: [...base.steps].reverse() })).toBe(false);
    expect(plansAgree(base, { steps: base.steps.slice(0, 1) })).toBe(false);
    const otherTool = { steps: [base.steps[0], { ...base.steps[1], tool: 'rank' }] } as Plan;
    expect(plansAgree(base, otherTool)).toBe(false);
    const otherPath = {
      steps: [
        base.steps[0],
        { ...base.steps[1], args: { results: '$a.items', note: 'from ${a[0].city}' } },
      ],
    } as Plan;
    expect(plansAgree(base, otherPath)).toBe(false);
    const extraArgument = {
      steps: [{ ...base.steps[0], args: { city: '$item', units: 'metric' } }, base.steps[1]],
    } as Plan;
    expect(plansAgree(base, extraArgument)).toBe(false);
    const typed = { steps: [{ id: 'x', tool: 't', args: { n: 5 } }] };
    expect(plansAgree(typed, { steps: [{ id: 'x', tool: 't', args: { n: '5' } }] })).toBe(false);
  });
});
