import type { Plan } from 'toolplan/internal';
import { createRulePredictor, type Predictor } from 'toolplan/internal';
import type { BenchCase, BenchScenario } from './bench-scenario.js';
import {
  COMPANIES,
  newsQuery,
  newsSearchRule,
  researchTools,
  search,
  type Company,
} from './research-scenario.js';

/**
 * # news-search — slow searches behind a short plan (predictive execution's best case)
 *
 * The latest headline on each of three start-ups: one `web_search` per company (≈ 1.5 s each,
 * the research scenario's search API), and an answer filled in from the top results. The plan is
 * short, so its searches are most of the latency; a predictor that reads the company names off
 * the query starts them while the planner is still thinking (issue #9), and every guess hits.
 */

const QUERY = 'What is the latest news on Ionforge, Solvane and Cellora? One headline each.';

const LOOP_IDS: Readonly<Record<Company, string>> = {
  Ionforge: 'sion',
  Solvane: 'ssol',
  Cellora: 'scel',
};

function answerTemplate(resultOf: (index: number) => string): string {
  return COMPANIES.map((name, index) => `${name}: \${${resultOf(index)}.results[0].title}`).join(
    ' · ',
  );
}

function expectedAnswer(): string {
  return COMPANIES.map((name) => `${name}: ${search(newsQuery(name)).results[0]?.title}`).join(
    ' · ',
  );
}

const plan = {
  steps: [
    {
      id: 's',
      tool: 'web_search',
      forEach: [...COMPANIES],
      args: { query: '${item} solid-state battery news' },
    },
  ],
  answer: answerTemplate((index) => `s[${index}]`),
} satisfies Plan;

const newsCase: BenchCase = {
  id: 'main',
  query: QUERY,
  script: {
    name: 'news-search/main',
    query: QUERY,
    loop: {
      calls: COMPANIES.map((name) => ({
        id: LOOP_IDS[name],
        tool: 'web_search',
        args: { query: newsQuery(name) },
      })),
      answer: answerTemplate((index) => LOOP_IDS[COMPANIES[index] as Company]),
    },
    plan,
    joinAnswer: plan.answer,
  },
  expectedAnswer: expectedAnswer(),
};

/** A news search per company the query names: the rule a news assistant would write. */
export const newsSearchPredictor: Predictor = createRulePredictor({
  name: 'news-rules',
  rules: [newsSearchRule],
});

export const newsSearchScenario: BenchScenario = {
  name: 'news-search',
  description:
    'Three slow news searches behind a one-step plan: the calls a predictor can start while the planner thinks',
  predictors: [newsSearchPredictor],
  open(context) {
    const tools = researchTools(context);
    return { cases: [newsCase], toolsFor: () => tools, close() {} };
  },
};
