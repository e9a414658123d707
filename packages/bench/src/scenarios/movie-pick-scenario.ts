import { z } from 'zod';
import type { Plan } from 'toolplan/internal';
import type { BenchCase, BenchScenario, ScenarioContext } from './bench-scenario.js';
import { simulatedTool } from './simulated-tool.js';
import type { ToolLatency } from './tool-latency.js';

/**
 * # movie-pick — LLMCompiler's movie-recommendation shape
 *
 * Four candidate films are searched independently (in parallel where the strategy allows), then
 * compared with a reference film to pick the most similar one: 4 × `search_movie` +
 * `compare_movies`.
 */

interface Movie {
  id: string;
  title: string;
  year: number;
  director: string;
  genres: readonly string[];
  keywords: readonly string[];
  rating: number;
}

/** The catalogue. Genres and keywords are illustrative tags; ratings are illustrative too. */
const MOVIES: readonly Movie[] = [
  {
    id: 'tt0133093',
    title: 'The Matrix',
    year: 1999,
    director: 'Lana Wachowski, Lilly Wachowski',
    genres: ['Action', 'Sci-Fi'],
    keywords: [
      'simulated reality',
      'artificial intelligence',
      'hacker',
      'dystopia',
      'martial arts',
      'chosen one',
    ],
    rating: 8.7,
  },
  {
    id: 'tt1375666',
    title: 'Inception',
    year: 2010,
    director: 'Christopher Nolan',
    genres: ['Action', 'Adventure', 'Sci-Fi'],
    keywords: ['dream', 'heist', 'subconscious', 'mind-bending'],
    rating: 8.8,
  },
  {
    id: 'tt0083658',
    title: 'Blade Runner',
    year: 1982,
    director: 'Ridley Scott',
    genres: ['Drama', 'Sci-Fi', 'Thriller'],
    keywords: ['android', 'artificial intelligence', 'dystopia', 'neo-noir', 'cyberpunk'],
    rating: 8.1,
  },
  {
    id: 'tt0113568',
    title: 'Ghost in the Shell',
    year: 1995,
    director: 'Mamoru Oshii',
    genres: ['Animation', 'Action', 'Sci-Fi'],
    keywords: ['cyberpunk', 'artificial intelligence', 'hacker', 'cyborg', 'dystopia', 'identity'],
    rating: 7.9,
  },
  {
    id: 'tt0120338',
    title: 'Titanic',
    year: 1997,
    director: 'James Cameron',
    genres: ['Drama', 'Romance'],
    keywords: ['shipwreck', 'forbidden love', 'class differences', 'disaster'],
    rating: 7.9,
  },
];

const REFERENCE = 'The Matrix';
/** The candidates, with the ids the loop's calls have. */
const CANDIDATES = [
  { id: 'inc', title: 'Inception' },
  { id: 'br', title: 'Blade Runner' },
  { id: 'gits', title: 'Ghost in the Shell' },
  { id: 'tit', title: 'Titanic' },
] as const;

/**
 * `search_movie` stands for a public movie search API (TMDB, OMDb) over HTTPS. Estimate, not a
 * measurement (no network here): an internet round trip plus a full-text search and the
 * record's assembly; search endpoints are slower and more variable than key look-ups.
 */
const SEARCH_API_LATENCY: ToolLatency = {
  p50Ms: 250,
  p95Ms: 700,
  source:
    'estimate: public movie search API over HTTPS (internet round trip + full-text search); not measured',
};

/** `compare_movies` is a pure function run in-process. Estimate. */
const IN_PROCESS_LATENCY: ToolLatency = {
  p50Ms: 0.5,
  p95Ms: 2,
  source: 'estimate: pure in-process computation (dispatch + argument parsing)',
};

function findMovie(title: string): Movie | undefined {
  const wanted = title.trim().toLowerCase();
  return MOVIES.find((movie) => movie.title.toLowerCase() === wanted);
}

function jaccard(left: readonly string[], right: readonly string[]): number {
  const a = new Set(left.map((value) => value.toLowerCase()));
  const b = new Set(right.map((value) => value.toLowerCase()));
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Similarity in [0, 1], two decimals: themes (keywords) weigh 0.6, genre labels 0.4, each as
 * the Jaccard index of the two sets.
 */
function similarity(
  reference: Pick<Movie, 'genres' | 'keywords'>,
  candidate: Pick<Movie, 'genres' | 'keywords'>,
): number {
  const score =
    0.4 * jaccard(reference.genres, candidate.genres) +
    0.6 * jaccard(reference.keywords, candidate.keywords);
  return Math.round(score * 100) / 100;
}

interface Ranked {
  title: string;
  score: number;
}

/** Candidates by similarity to the reference, best first; ties keep the given order. */
function rank(
  reference: Pick<Movie, 'genres' | 'keywords'>,
  candidates: ReadonlyArray<Pick<Movie, 'title' | 'genres' | 'keywords'>>,
): Ranked[] {
  return candidates
    .map((candidate) => ({ title: candidate.title, score: similarity(reference, candidate) }))
    .sort((left, right) => right.score - left.score);
}

/** The scenario's tools, with latencies drawn for `context`. */
export function moviePickTools(context: ScenarioContext) {
  return [
    simulatedTool({
      context,
      name: 'search_movie',
      description: 'Find a movie by title: year, director, genres, keywords, rating.',
      inputSchema: z.object({ title: z.string().describe('Movie title') }),
      latency: SEARCH_API_LATENCY,
      compute: ({ title }) => {
        const movie = findMovie(title);
        if (movie === undefined) throw new Error(`No movie found for "${title}".`);
        return { ...movie, genres: [...movie.genres], keywords: [...movie.keywords] };
      },
      annotations: { readOnly: true, idempotent: true },
    }),
    simulatedTool({
      context,
      name: 'compare_movies',
      description:
        'Rank candidate movies by similarity (genres, themes) to a reference movie; best first.',
      inputSchema: z.object({
        reference: z.string().describe('Title of the reference movie'),
        candidates: z
          .array(
            z.object({
              title: z.string(),
              genres: z.array(z.string()),
              keywords: z.array(z.string()),
            }),
          )
          .min(1)
          .describe('search_movie results'),
      }),
      latency: IN_PROCESS_LATENCY,
      compute: ({ reference, candidates }) => {
        const movie = findMovie(reference);
        if (movie === undefined) throw new Error(`Unknown reference movie "${reference}".`);
        const ranking = rank(movie, candidates);
        const best = ranking[0] as Ranked;
        return { reference: movie.title, best: best.title, bestScore: best.score, ranking };
      },
      annotations: { readOnly: true, idempotent: true },
    }),
  ];
}

const QUERY = `Which of these films is most similar to ${REFERENCE}: Inception, Blade Runner, Ghost in the Shell or Titanic?`;

/** Only the comparison's fields: the plan's template is written before any result is seen. */
const ANSWER = `\${cmp.best} is the most similar to ${REFERENCE} (similarity \${cmp.bestScore}); runner-up: \${cmp.ranking[1].title} (\${cmp.ranking[1].score}).`;

/** The right answer, from the catalogue with plain code. */
function expectedAnswer(): string {
  const reference = findMovie(REFERENCE);
  if (reference === undefined) throw new Error(`${REFERENCE} is not in the catalogue`);
  const candidates = CANDIDATES.map(({ title }) => {
    const movie = findMovie(title);
    if (movie === undefined) throw new Error(`${title} is not in the catalogue`);
    return movie;
  });
  const [best, second] = rank(reference, candidates);
  if (best === undefined || second === undefined) throw new Error('too few candidates');
  return `${best.title} is the most similar to ${REFERENCE} (similarity ${best.score}); runner-up: ${second.title} (${second.score}).`;
}

const plan = {
  steps: [
    {
      id: 's',
      tool: 'search_movie',
      forEach: CANDIDATES.map((candidate) => candidate.title),
      args: { title: '$item' },
    },
    { id: 'cmp', tool: 'compare_movies', args: { reference: REFERENCE, candidates: '$s' } },
  ],
  answer: ANSWER,
} satisfies Plan;

const moviePickCase: BenchCase = {
  id: 'main',
  query: QUERY,
  script: {
    name: 'movie-pick/main',
    query: QUERY,
    loop: {
      // One search per candidate, then the comparison with the fields it needs read from them.
      calls: [
        ...CANDIDATES.map((candidate) => ({
          id: candidate.id,
          tool: 'search_movie',
          args: { title: candidate.title },
        })),
        {
          id: 'cmp',
          tool: 'compare_movies',
          args: {
            reference: REFERENCE,
            candidates: CANDIDATES.map((candidate) => ({
              title: candidate.title,
              genres: `$${candidate.id}.genres`,
              keywords: `$${candidate.id}.keywords`,
            })),
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

export const moviePickScenario: BenchScenario = {
  name: 'movie-pick',
  description: 'Search four candidate films in parallel, then pick the most similar (LLMCompiler)',
  open(context) {
    const tools = moviePickTools(context);
    return { cases: [moviePickCase], toolsFor: () => tools, close() {} };
  },
};
