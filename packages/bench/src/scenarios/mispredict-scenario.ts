import type { Plan } from 'toolplan/internal';
import type { BenchCase, BenchScenario } from './bench-scenario.js';
import { newsSearchPredictor } from './news-search-scenario.js';
import { COMPANIES, researchTools, type Company } from './research-scenario.js';

/**
 * # mispredict — every guess wrong
 *
 * A funding question about the three start-ups of the research scenario, met by the news
 * assistant's predictor: it sees "news" and the company names and guesses a news search per
 * company, but the plan only looks up funding and ranks it. Every speculative call is wasted and
 * cancelled once the plan is complete; what this scenario measures is that a wrong guess costs
 * one call and no latency.
 */

const QUERY =
  'Never mind the news: which of Ionforge, Solvane and Cellora has raised the most money?';

const FUNDING_IDS: Readonly<Record<Company, string>> = {
  Ionforge: 'fion',
  Solvane: 'fsol',
  Cellora: 'fcel',
};

/** Total funding in USD millions, as the research scenario's `get_funding` returns it. */
const RAISED: Readonly<Record<Company, number>> = { Ionforge: 412, Solvane: 655, Cellora: 238 };

const ANSWER = 'Most funded: ${rf.top.company} ($$${rf.top.value}M raised).';

function expectedAnswer(): string {
  const [top] = [...COMPANIES].sort((left, right) => RAISED[right] - RAISED[left]);
  if (top === undefined) throw new Error('no companies');
  return `Most funded: ${top} ($${RAISED[top]}M raised).`;
}

const plan = {
  steps: [
    { id: 'f', tool: 'get_funding', forEach: [...COMPANIES], args: { company: '$item' } },
    { id: 'rf', tool: 'rank', args: { items: '$f', by: 'totalRaisedUsdM' } },
  ],
  answer: ANSWER,
} satisfies Plan;

const fundingCase: BenchCase = {
  id: 'main',
  query: QUERY,
  script: {
    name: 'mispredict/main',
    query: QUERY,
    loop: {
      calls: [
        ...COMPANIES.map((name) => ({
          id: FUNDING_IDS[name],
          tool: 'get_funding',
          args: { company: name },
        })),
        {
          id: 'rf',
          tool: 'rank',
          args: {
            items: COMPANIES.map((name) => ({
              company: name,
              totalRaisedUsdM: `$${FUNDING_IDS[name]}.totalRaisedUsdM`,
            })),
            by: 'totalRaisedUsdM',
          },
        },
      ],
      answer: ANSWER,
    },
    plan,
    joinAnswer: ANSWER,
  },
  expectedAnswer: expectedAnswer(),
};

export const mispredictScenario: BenchScenario = {
  name: 'mispredict',
  description:
    'A funding question a news predictor misreads: three wrong guesses, each one wasted call',
  predictors: [newsSearchPredictor],
  open(context) {
    const tools = researchTools(context);
    return { cases: [fundingCase], toolsFor: () => tools, close() {} };
  },
};
