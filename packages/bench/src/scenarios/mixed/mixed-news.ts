import { z } from 'zod';
import { createRulePredictor, extractQueryEntities, type Predictor } from 'toolplan/internal';
import type { ScenarioContext } from '../bench-scenario.js';
import { simulatedTool } from '../simulated-tool.js';
import { WEB_SEARCH_LATENCY } from '../research-scenario.js';
import { defineNearMissDomain } from '../near-miss/define-near-miss-domain.js';
import { LAST_WEEK, findKnownName, stableNumber } from '../near-miss/near-miss-calendar.js';
import { READ_ONLY } from '../near-miss/near-miss-latencies.js';
import { pick } from '../seeded-draws.js';

/**
 * The slow searches of the `mixed` scenario: a news search API that fetches and ranks articles
 * before it answers (the research scenario's web search latency, 1.5 s median). A third of the
 * mixed stream waits on it: its repeats, near misses and novel compound questions.
 * Illustrative data: headlines are made from the company and the request's filters.
 */

export const NEWS_COMPANIES = [
  'Ionforge',
  'Solvane',
  'Cellora',
  'Brightwell',
  'Quantrel',
  'Novaterra',
  'Heliodyne',
  'Marqeta',
  'Veridian',
  'Zentrix',
  'Lumora',
  'Corvanta',
] as const;

const SUBJECTS = [
  'raises new funding',
  'opens a plant in Ohio',
  'names a new CEO',
  'beats quarterly estimates',
  'signs a supply deal',
  'recalls a battery line',
  'wins a patent case',
  'cuts its workforce',
] as const;

const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
type Language = (typeof LANGUAGES)[number];
const VERB: Record<Language, string> = {
  en: 'report',
  de: 'Bericht',
  fr: 'rapport',
  es: 'informe',
};

interface NewsRequest {
  company: string;
  /** Only articles since this date (YYYY-MM-DD). */
  since?: string;
  lang?: Language;
  limit?: number;
  /** About the company's chief executive rather than the company. */
  about?: 'ceo';
}

/** The articles a request finds, newest first; the search resolves the first company named. */
function searchNews(request: {
  query: string;
  since?: string | undefined;
  lang?: Language | undefined;
  limit?: number | undefined;
}) {
  const company = findKnownName(request.query, [...NEWS_COMPANIES]);
  if (company === undefined) return { results: [] };
  const aboutCeo = /\bceo\b/i.test(request.query);
  const key = `${company}/${request.since ?? ''}/${request.lang ?? 'en'}/${aboutCeo ? 'ceo' : ''}`;
  const count = Math.min(request.limit ?? 5, 10);
  return {
    results: Array.from({ length: count }, (_, index) => {
      const subject = SUBJECTS[stableNumber(`${key}/${index}`, SUBJECTS.length)] as string;
      const who = aboutCeo ? `${company}'s CEO` : company;
      const lang = request.lang ?? 'en';
      return {
        title: `${who} ${subject}${lang === 'en' ? '' : ` (${VERB[lang]})`}`,
        url: `https://news.example/${company.toLowerCase()}/${stableNumber(`${key}/${index}`, 9000) + 1000}`,
      };
    }),
  };
}

function solveNews(request: NewsRequest) {
  const args = {
    query: request.about === 'ceo' ? `${request.company} CEO` : request.company,
    ...(request.since === undefined ? {} : { since: request.since }),
    ...(request.lang === undefined ? {} : { lang: request.lang }),
    ...(request.limit === undefined ? {} : { limit: request.limit }),
  };
  const found = searchNews(args);
  const shown = request.limit ?? 1;
  const titles = found.results.slice(0, shown).map((result) => result.title);
  const answer = Array.from({ length: shown }, (_, index) => `\${n.results[${index}].title}`).join(
    ' | ',
  );
  return {
    steps: [{ id: 'n', tool: 'search_news', args }],
    answer: `News: ${answer}.`,
    expected: `News: ${titles.join(' | ')}.`,
  };
}

export function mixedNewsTools(context: ScenarioContext) {
  return [
    simulatedTool({
      context,
      name: 'search_news',
      description:
        'Search news articles (fetched and ranked: slow). `query` names a company; optional `since` (YYYY-MM-DD), `lang` (en, de, fr, es) and `limit` (1–10, default 5). Results newest first.',
      inputSchema: z.object({
        query: z.string().min(1),
        since: z.string().optional(),
        lang: z.enum(LANGUAGES).optional(),
        limit: z.number().int().min(1).max(10).optional(),
      }),
      latency: WEB_SEARCH_LATENCY,
      compute: (input) => searchNews(input),
      annotations: READ_ONLY,
    }),
  ];
}

/**
 * What a developer of a news assistant would write (the seed's pattern 6): a question about news
 * searches each company it names. Right for the base questions; a near miss that filters by date
 * or language makes the guess a wasted call.
 */
export const mixedNewsPredictor: Predictor = createRulePredictor({
  name: 'news-rules',
  rules: [
    {
      when: /\b(news|headlines?)\b/i,
      propose: ({ query }) =>
        extractQueryEntities(query)
          .filter((entity) => (NEWS_COMPANIES as readonly string[]).includes(entity.text))
          .map((entity) => ({
            tool: 'search_news',
            args: { query: entity.text },
            confidence: 0.9,
          })),
    },
  ],
});

interface NewsValues {
  company: string;
}

const latest = (values: NewsValues) => ({
  query: `What's the latest news on ${values.company}?`,
  request: { company: values.company },
});

export const newsDomain = defineNearMissDomain<NewsValues, NewsRequest>({
  name: 'news',
  drawValues: (random) => ({ company: pick(random, NEWS_COMPANIES) }),
  solve: solveNews,
  bases: {
    latest,
    headlines: (values) => ({
      query: `Give me three headlines about ${values.company}.`,
      request: { company: values.company, limit: 3 },
    }),
  },
  nearMisses: [
    {
      kind: 'dates-and-times',
      base: 'latest',
      ask: (values) => ({
        query: `What's the latest news on ${values.company} since last week?`,
        request: { company: values.company, since: LAST_WEEK.from },
      }),
    },
    {
      kind: 'languages',
      base: 'latest',
      ask: (values) => ({
        query: `Was sind die neuesten Nachrichten über ${values.company}?`,
        request: { company: values.company, lang: 'de' },
      }),
    },
    {
      kind: 'relations-and-possessives',
      base: 'latest',
      ask: (values) => ({
        query: `What's the latest news on ${values.company}'s CEO?`,
        request: { company: values.company, about: 'ceo' },
      }),
    },
    {
      kind: 'numbers-that-change-the-tool',
      base: 'headlines',
      ask: (values) => ({
        query: `Give me five headlines about ${values.company}.`,
        request: { company: values.company, limit: 5 },
      }),
    },
    {
      kind: 'languages',
      base: 'headlines',
      ask: (values) => ({
        query: `Give me three headlines about ${values.company} in French.`,
        request: { company: values.company, limit: 3, lang: 'fr' },
      }),
    },
    {
      kind: 'paraphrases-that-keep-the-plan',
      base: 'latest',
      ask: (values) => ({
        query: `Any news about ${values.company} today?`,
        request: { company: values.company },
      }),
    },
  ],
});
