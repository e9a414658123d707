import { z } from 'zod';
import { extractQueryEntities } from 'toolplan/internal';
import type { Plan } from 'toolplan/internal';
import { createRulePredictor, type PredictionRule, type Predictor } from 'toolplan/internal';
import type { BenchCase, BenchScenario, ScenarioContext } from './bench-scenario.js';
import { simulatedTool } from './simulated-tool.js';
import type { ToolLatency } from './tool-latency.js';

/**
 * # research — slow web searches at the top of a long plan
 *
 * A research question an agent gets: three solid-state battery start-ups, the latest news on
 * each, what the newest industry report says, and which start-up has raised the most and employs
 * the most. The plan opens with the slow calls — a `web_search` per company and one for the
 * report — then `fetch_page` reads the top result of each search (its URL comes from the search,
 * which the planner has not seen), `get_funding` and `get_company_profile` look each company up,
 * and two `rank` calls compute what the answer states.
 *
 * The searches come first in the plan text, so their JSON closes while the rest of the plan is
 * still being written and the searches run meanwhile: streaming's best case. Without streaming,
 * a search and a page fetch (≈ 2 s and more) follow the whole plan's generation.
 */

/**
 * The companies of the query. Invented, like every figure and page in this file: the benchmark
 * needs deterministic data, not facts (any resemblance to a real company is accidental).
 */
export const COMPANIES = ['Ionforge', 'Solvane', 'Cellora'] as const;

export type Company = (typeof COMPANIES)[number];

/** The loop's ids for each company's calls. */
const LOOP_IDS: Readonly<
  Record<Company, { search: string; page: string; funding: string; profile: string }>
> = {
  Ionforge: { search: 'sion', page: 'aion', funding: 'fion', profile: 'pion' },
  Solvane: { search: 'ssol', page: 'asol', funding: 'fsol', profile: 'psol' },
  Cellora: { search: 'scel', page: 'acel', funding: 'fcel', profile: 'pcel' },
};

/** What the planner writes for each company's news search (`$item` is the company). */
const NEWS_QUERY_TEMPLATE = '${item} solid-state battery news';
export const newsQuery = (company: Company): string => `${company} solid-state battery news`;
export const REPORT_QUERY = 'solid-state battery industry report 2025';

export interface SearchResult {
  title: string;
  url: string;
  snippet: string;
  published: string;
}

interface Page {
  url: string;
  title: string;
  site: string;
  published: string;
  /** The extractor's one-sentence summary of the page. */
  excerpt: string;
  /** The page's main text, as extracted. */
  text: string;
}

/** The pages on the web, as a text extractor returns them. */
const PAGES: readonly Page[] = [
  {
    url: 'https://evinsider.example/news/ionforge-b-samples',
    title: 'Ionforge ships B-samples of its 60 Ah sulfide cell to two automakers',
    site: 'EV Insider',
    published: '2025-06-03',
    excerpt: 'B-samples of its 60 Ah sulfide cell went to two automakers for validation.',
    text: 'Ionforge has delivered B-samples of its 60 Ah sulfide solid-state cell to two automakers. Validation starts this summer; the company plans start of production in 2027 at its Massachusetts plant.',
  },
  {
    url: 'https://batterytechnews.example/2025/02/ionforge-series-c',
    title: 'Ionforge raises $180M Series C',
    site: 'Battery Tech News',
    published: '2025-02-11',
    excerpt: 'A $180M Series C led by Harbor Lane Ventures funds its first production line.',
    text: 'Ionforge has raised a $180M Series C led by Harbor Lane Ventures, bringing its total funding to $412M. The money goes to its first production line.',
  },
  {
    url: 'https://batterytechnews.example/2025/06/solvane-series-d',
    title: 'Solvane closes $250M Series D to build its first solid-state cell line',
    site: 'Battery Tech News',
    published: '2025-06-12',
    excerpt: 'A $250M Series D will equip a 1 GWh pilot line for its oxide cells.',
    text: 'Solvane has closed a $250M Series D led by Northgate Capital, bringing its total funding to $655M. The Munich start-up will use the round to equip a 1 GWh pilot line for its oxide solid-state cells, with first customer samples due in 2026.',
  },
  {
    url: 'https://evinsider.example/news/solvane-oxide-cycle-life',
    title: 'Solvane reports 1,000 cycles for its oxide cell',
    site: 'EV Insider',
    published: '2025-03-27',
    excerpt: 'Its oxide cell kept 90% of its capacity after 1,000 cycles in lab tests.',
    text: 'Solvane says its oxide solid-state cell kept 90% of its capacity after 1,000 charge cycles in lab tests; an independent lab has yet to confirm the figure.',
  },
  {
    url: 'https://batterytechnews.example/2025/05/cellora-ebike-pilot',
    title: 'Cellora signs pilot supply deal with an e-bike maker',
    site: 'Battery Tech News',
    published: '2025-05-21',
    excerpt: 'Its polymer cells will power a pilot run of 5,000 cargo e-bikes.',
    text: "Cellora's polymer solid-state cells will power a limited run of 5,000 cargo e-bikes, the Austin start-up's first commercial deployment.",
  },
  {
    url: 'https://evinsider.example/news/cellora-series-b',
    title: 'Cellora raises $95M to scale polymer cells',
    site: 'EV Insider',
    published: '2024-11-05',
    excerpt: 'A $95M Series B led by Mesa Growth scales its polymer cell production.',
    text: 'Cellora has raised a $95M Series B led by Mesa Growth, bringing its total funding to $238M.',
  },
  {
    url: 'https://voltmarkresearch.example/reports/solid-state-outlook-2025',
    title: 'Solid-State Battery Outlook 2025',
    site: 'Voltmark Research',
    published: '2025-04-30',
    excerpt:
      'Pilot capacity is set to reach 12 GWh by 2027, up from about 2 GWh in 2024; sulfide electrolytes lead, oxide and polymer designs follow.',
    text: 'Announced pilot capacity for solid-state cells is set to reach 12 GWh by 2027, up from about 2 GWh in 2024. Sulfide electrolytes lead on energy density; oxide designs on stability; polymer cells are cheapest to make but limited to lower power.',
  },
  {
    url: 'https://gridanalytics.example/next-gen-batteries-2025',
    title: 'Next-generation batteries: market sizing 2025–2030',
    site: 'Grid Analytics',
    published: '2025-03-18',
    excerpt:
      'Solid-state cells could reach cost parity with premium lithium-ion cells around 2030.',
    text: 'Solid-state cells could reach cost parity with premium lithium-ion cells around 2030, if pilot lines scale as announced.',
  },
];

/** A search result for a page: its title, URL and date, and the start of its text. */
function resultFor(url: string): SearchResult {
  const page = PAGES.find((item) => item.url === url);
  if (page === undefined) throw new Error(`no page ${url} in the table`);
  const snippet = page.text.length > 120 ? `${page.text.slice(0, 120)}…` : page.text;
  return { title: page.title, url, snippet, published: page.published };
}

/** The search index: the results each query gets, best first (the newest news first). */
const SEARCH_INDEX: ReadonlyArray<{ query: string; urls: readonly string[] }> = [
  {
    query: newsQuery('Ionforge'),
    urls: [
      'https://evinsider.example/news/ionforge-b-samples',
      'https://batterytechnews.example/2025/02/ionforge-series-c',
    ],
  },
  {
    query: newsQuery('Solvane'),
    urls: [
      'https://batterytechnews.example/2025/06/solvane-series-d',
      'https://evinsider.example/news/solvane-oxide-cycle-life',
    ],
  },
  {
    query: newsQuery('Cellora'),
    urls: [
      'https://batterytechnews.example/2025/05/cellora-ebike-pilot',
      'https://evinsider.example/news/cellora-series-b',
    ],
  },
  {
    query: REPORT_QUERY,
    urls: [
      'https://voltmarkresearch.example/reports/solid-state-outlook-2025',
      'https://gridanalytics.example/next-gen-batteries-2025',
    ],
  },
];

interface Funding {
  company: Company;
  totalRaisedUsdM: number;
  lastRound: { series: string; amountUsdM: number; date: string; leadInvestor: string };
}

/** Funding records (USD millions), as a company-data service holds them. */
const FUNDING: readonly Funding[] = [
  {
    company: 'Ionforge',
    totalRaisedUsdM: 412,
    lastRound: {
      series: 'C',
      amountUsdM: 180,
      date: '2025-02-11',
      leadInvestor: 'Harbor Lane Ventures',
    },
  },
  {
    company: 'Solvane',
    totalRaisedUsdM: 655,
    lastRound: {
      series: 'D',
      amountUsdM: 250,
      date: '2025-06-12',
      leadInvestor: 'Northgate Capital',
    },
  },
  {
    company: 'Cellora',
    totalRaisedUsdM: 238,
    lastRound: { series: 'B', amountUsdM: 95, date: '2024-11-05', leadInvestor: 'Mesa Growth' },
  },
];

interface Profile {
  company: Company;
  founded: number;
  headquarters: string;
  employees: number;
  electrolyte: string;
}

/** Company profiles, as the same service holds them. */
const PROFILES: readonly Profile[] = [
  {
    company: 'Ionforge',
    founded: 2017,
    headquarters: 'Boston, MA',
    employees: 520,
    electrolyte: 'sulfide',
  },
  {
    company: 'Solvane',
    founded: 2019,
    headquarters: 'Munich, Germany',
    employees: 410,
    electrolyte: 'oxide',
  },
  {
    company: 'Cellora',
    founded: 2020,
    headquarters: 'Austin, TX',
    employees: 290,
    electrolyte: 'polymer',
  },
];

/**
 * `web_search` stands for a web search API that fetches and ranks pages before it answers (an
 * agentic search endpoint such as Exa, Tavily or Perplexity's search API, rather than a bare
 * index look-up). Estimate, not a measurement (no network here): such endpoints commonly take
 * 1–3 s — retrieval, fetching and re-ranking the candidate pages — so the median is put at 1.5 s
 * with a long tail.
 */
export const WEB_SEARCH_LATENCY: ToolLatency = {
  p50Ms: 1500,
  p95Ms: 2800,
  source:
    'estimate: web search API with result fetching and ranking (agentic search endpoints commonly take 1–3 s); not measured',
};

/**
 * `fetch_page` downloads a page from its site and extracts its main text (a reader service, or a
 * fetch and a readability pass). Estimate: a new connection to an arbitrary host (DNS, TLS), the
 * site's own server time and the extraction; slow sites make the tail.
 */
const FETCH_PAGE_LATENCY: ToolLatency = {
  p50Ms: 400,
  p95Ms: 900,
  source:
    'estimate: page fetch over HTTPS from an arbitrary site (new connection) + main-text extraction; not measured',
};

/**
 * `get_funding` and `get_company_profile` stand for an internal company-data API (a cached copy of
 * a commercial database) in the same region: a short network hop and a keyed look-up. Estimate.
 */
const INTERNAL_API_LATENCY: ToolLatency = {
  p50Ms: 80,
  p95Ms: 200,
  source:
    'estimate: internal company-data REST API in the same region (keyed look-up behind a cache); not measured',
};

/** `rank` is a pure function run in-process. Estimate. */
const IN_PROCESS_LATENCY: ToolLatency = {
  p50Ms: 1,
  p95Ms: 3,
  source: 'estimate: pure in-process computation (dispatch + argument parsing)',
};

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The results of a query; a query the index does not know finds nothing, as a search would. */
export function search(query: string): { query: string; results: SearchResult[] } {
  const entry = SEARCH_INDEX.find((item) => normalize(item.query) === normalize(query));
  return { query, results: (entry?.urls ?? []).map(resultFor) };
}

function fetchPage(url: string): Page {
  const page = PAGES.find((item) => item.url === url.trim());
  if (page === undefined) throw new Error(`Could not fetch ${url}: 404 Not Found.`);
  return { ...page };
}

function findCompany<Row extends { company: Company }>(
  rows: readonly Row[],
  company: string,
): Row | undefined {
  return rows.find((row) => row.company.toLowerCase() === normalize(company));
}

const RANK_FIELDS = ['totalRaisedUsdM', 'employees'] as const;

type RankField = (typeof RANK_FIELDS)[number];

interface Ranked {
  company: string;
  value: number;
}

/** Companies by one numeric field, highest first; ties keep the given order. */
function rankBy(
  items: ReadonlyArray<{ company: string } & { [Field in RankField]?: number | undefined }>,
  by: RankField,
): { by: RankField; top: Ranked; ranking: Ranked[] } {
  const ranking = items
    .map((item) => {
      const value = item[by];
      if (value === undefined) throw new Error(`rank: ${item.company} has no \`${by}\`.`);
      return { company: item.company, value };
    })
    .sort((left, right) => right.value - left.value);
  const top = ranking[0];
  if (top === undefined) throw new Error('rank needs at least one item.');
  return { by, top, ranking };
}

/** The scenario's tools, with latencies drawn for `context`. */
export function researchTools(context: ScenarioContext) {
  const company = z.string().describe('Company name, e.g. "Ionforge"');
  return [
    simulatedTool({
      context,
      name: 'web_search',
      description: 'Search the web: the top results (title, url, snippet, published date).',
      inputSchema: z.object({ query: z.string().min(1).describe('Search query') }),
      latency: WEB_SEARCH_LATENCY,
      compute: ({ query }) => search(query),
      annotations: { readOnly: true, idempotent: true },
    }),
    simulatedTool({
      context,
      name: 'fetch_page',
      description: 'Fetch a web page and extract its text: title, site, date, excerpt, text.',
      inputSchema: z.object({ url: z.string().describe('Absolute URL') }),
      latency: FETCH_PAGE_LATENCY,
      compute: ({ url }) => fetchPage(url),
      annotations: { readOnly: true, idempotent: true },
    }),
    simulatedTool({
      context,
      name: 'get_funding',
      description: "A company's funding: total raised (USD millions) and its last round.",
      inputSchema: z.object({ company }),
      latency: INTERNAL_API_LATENCY,
      compute: ({ company: name }) => {
        const row = findCompany(FUNDING, name);
        if (row === undefined) throw new Error(`No funding data for ${name}.`);
        return { ...row, lastRound: { ...row.lastRound } };
      },
      annotations: { readOnly: true, idempotent: true },
    }),
    simulatedTool({
      context,
      name: 'get_company_profile',
      description: 'A company profile: founded, headquarters, employees, technology.',
      inputSchema: z.object({ company }),
      latency: INTERNAL_API_LATENCY,
      compute: ({ company: name }) => {
        const row = findCompany(PROFILES, name);
        if (row === undefined) throw new Error(`No company profile for ${name}.`);
        return { ...row };
      },
      annotations: { readOnly: true, idempotent: true },
    }),
    simulatedTool({
      context,
      name: 'rank',
      description:
        'Rank companies by a numeric field of get_funding or get_company_profile results, highest first.',
      inputSchema: z.object({
        items: z
          .array(
            z.object({
              company: z.string(),
              totalRaisedUsdM: z.number().optional(),
              employees: z.number().optional(),
            }),
          )
          .min(1)
          .describe('get_funding or get_company_profile results'),
        by: z.enum(RANK_FIELDS),
      }),
      latency: IN_PROCESS_LATENCY,
      compute: ({ items, by }) => rankBy(items, by),
      annotations: { readOnly: true, idempotent: true },
    }),
  ];
}

const QUERY =
  'Research the solid-state battery start-ups Ionforge, Solvane and Cellora: what is the latest ' +
  'news on each, what does the newest industry report say, and which of the three has raised ' +
  'the most money and which has the most employees?';

/**
 * The answer, written from references: `pageOf(index)` names the top news page of
 * `COMPANIES[index]`; `b` (the report's page) and the rankings `rf` and `rp` have the same ids in
 * the plan and the loop. `$$` is a literal dollar sign.
 */
function answerTemplate(pageOf: (index: number) => string): string {
  const news = COMPANIES.map((name, index) => {
    const page = pageOf(index);
    return `${name} (\${${page}.published}): \${${page}.excerpt}`;
  });
  return (
    `Latest news. ${news.join(' ')} ` +
    'Industry report: "${b.title}" (${b.site}): ${b.excerpt} ' +
    'Most funded: ${rf.top.company} ($$${rf.top.value}M raised); ' +
    'most employees: ${rp.top.company} (${rp.top.value}).'
  );
}

/** The right answer, from the tables with plain code. */
function expectedAnswer(): string {
  const topPage = (query: string): Page => {
    const [first] = search(query).results;
    if (first === undefined) throw new Error(`no results for ${query}`);
    return fetchPage(first.url);
  };
  const news = COMPANIES.map((name) => {
    const page = topPage(newsQuery(name));
    return `${name} (${page.published}): ${page.excerpt}`;
  });
  const report = topPage(REPORT_QUERY);
  const funding = COMPANIES.map((name) => findCompany(FUNDING, name) as Funding);
  const profiles = COMPANIES.map((name) => findCompany(PROFILES, name) as Profile);
  const mostFunded = [...funding].sort((a, b) => b.totalRaisedUsdM - a.totalRaisedUsdM)[0];
  const largest = [...profiles].sort((a, b) => b.employees - a.employees)[0];
  if (mostFunded === undefined || largest === undefined) throw new Error('empty tables');
  return (
    `Latest news. ${news.join(' ')} ` +
    `Industry report: "${report.title}" (${report.site}): ${report.excerpt} ` +
    `Most funded: ${mostFunded.company} ($${mostFunded.totalRaisedUsdM}M raised); ` +
    `most employees: ${largest.company} (${largest.employees}).`
  );
}

const planAnswer = answerTemplate((index) => `a[${index}]`);

/**
 * The searches first (the slow calls, so that they start as early as possible): one per company
 * over a literal list, and the report's; the top page of each search; the look-ups per company;
 * then the two rankings. The pages wait for all three news searches (a `forEach` over `$s`),
 * which costs at most the spread of three searches; it saves writing two more steps.
 */
const plan = {
  steps: [
    {
      id: 's',
      tool: 'web_search',
      forEach: [...COMPANIES],
      args: { query: NEWS_QUERY_TEMPLATE },
    },
    { id: 'r', tool: 'web_search', args: { query: REPORT_QUERY } },
    { id: 'a', tool: 'fetch_page', forEach: '$s', args: { url: '$item.results[0].url' } },
    { id: 'b', tool: 'fetch_page', args: { url: '$r.results[0].url' } },
    { id: 'f', tool: 'get_funding', forEach: [...COMPANIES], args: { company: '$item' } },
    { id: 'p', tool: 'get_company_profile', forEach: [...COMPANIES], args: { company: '$item' } },
    { id: 'rf', tool: 'rank', args: { items: '$f', by: 'totalRaisedUsdM' } },
    { id: 'rp', tool: 'rank', args: { items: '$p', by: 'employees' } },
  ],
  answer: planAnswer,
} satisfies Plan;

const researchCase: BenchCase = {
  id: 'main',
  query: QUERY,
  script: {
    name: 'research/main',
    query: QUERY,
    loop: {
      // The searches, the top page of each, the look-ups company by company, then the rankings
      // with the fields they need read from the look-ups.
      calls: [
        ...COMPANIES.map((name) => ({
          id: LOOP_IDS[name].search,
          tool: 'web_search',
          args: { query: newsQuery(name) },
        })),
        { id: 'r', tool: 'web_search', args: { query: REPORT_QUERY } },
        ...COMPANIES.map((name) => ({
          id: LOOP_IDS[name].page,
          tool: 'fetch_page',
          args: { url: `$${LOOP_IDS[name].search}.results[0].url` },
        })),
        { id: 'b', tool: 'fetch_page', args: { url: '$r.results[0].url' } },
        ...COMPANIES.map((name) => ({
          id: LOOP_IDS[name].funding,
          tool: 'get_funding',
          args: { company: name },
        })),
        ...COMPANIES.map((name) => ({
          id: LOOP_IDS[name].profile,
          tool: 'get_company_profile',
          args: { company: name },
        })),
        {
          id: 'rf',
          tool: 'rank',
          args: {
            items: COMPANIES.map((name) => ({
              company: name,
              totalRaisedUsdM: `$${LOOP_IDS[name].funding}.totalRaisedUsdM`,
            })),
            by: 'totalRaisedUsdM',
          },
        },
        {
          id: 'rp',
          tool: 'rank',
          args: {
            items: COMPANIES.map((name) => ({
              company: name,
              employees: `$${LOOP_IDS[name].profile}.employees`,
            })),
            by: 'employees',
          },
        },
      ],
      answer: answerTemplate((index) => LOOP_IDS[COMPANIES[index] as Company].page),
    },
    plan,
    joinAnswer: planAnswer,
  },
  expectedAnswer: expectedAnswer(),
};

/** A news search for each company a query about news names (research's and news-search's rule). */
export const newsSearchRule: PredictionRule = {
  when: /\bnews\b/i,
  propose: ({ query }) =>
    extractQueryEntities(query)
      .filter((entity) => entity.shape === 'name' && !entity.sentenceInitial)
      .map((entity) => ({
        tool: 'web_search',
        args: { query: `${entity.text} solid-state battery news` },
        confidence: 0.9,
      })),
};

/**
 * The rules a research assistant would write (issue #9, the seed's pattern 6): the companies a
 * query names get a news search each, and a question about "the industry report" gets the
 * report search; this year's report is the guess.
 */
export const researchPredictor: Predictor = createRulePredictor({
  name: 'research-rules',
  rules: [
    newsSearchRule,
    {
      when: /industry report/i,
      propose: () => [{ tool: 'web_search', args: { query: REPORT_QUERY }, confidence: 0.8 }],
    },
  ],
});

export const researchScenario: BenchScenario = {
  name: 'research',
  predictors: [researchPredictor],
  description:
    'Slow web searches at the top of an 8-step plan feed page fetches; look-ups and rankings follow (streaming’s best case)',
  open(context) {
    const tools = researchTools(context);
    return { cases: [researchCase], toolsFor: () => tools, close() {} };
  },
};
