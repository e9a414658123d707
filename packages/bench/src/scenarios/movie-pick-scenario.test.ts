import { afterAll, describe, expect, it } from 'vitest';
import { createToolRegistry } from 'toolplan/internal';
import { moviePickScenario } from './movie-pick-scenario.js';
import { callTool, describeScenarioChecks, TEST_CONTEXT } from './scenario-checks.test-utils.js';

describeScenarioChecks(moviePickScenario);

describe('movie-pick scenario', async () => {
  const opened = await moviePickScenario.open(TEST_CONTEXT);
  const [benchCase] = opened.cases;
  if (benchCase === undefined) throw new Error('no case');
  const registry = createToolRegistry(opened.toolsFor(benchCase));
  afterAll(() => opened.close());

  it('picks Ghost in the Shell, with Inception as runner-up', () => {
    expect(benchCase.expectedAnswer).toBe(
      'Ghost in the Shell is the most similar to The Matrix (similarity 0.47); runner-up: Inception (0.27).',
    );
  });

  it('plans four searches as one forEach step and a comparison', () => {
    expect(benchCase.script.plan).toMatchObject({
      steps: [
        {
          id: 's',
          tool: 'search_movie',
          forEach: ['Inception', 'Blade Runner', 'Ghost in the Shell', 'Titanic'],
        },
        { id: 'cmp', tool: 'compare_movies', args: { reference: 'The Matrix', candidates: '$s' } },
      ],
    });
    for (const title of ['Inception', 'Blade Runner', 'Ghost in the Shell', 'Titanic']) {
      expect(benchCase.query).toContain(title);
    }
  });

  it('search_movie returns a small record and refuses an unknown title', async () => {
    const movie = await callTool(registry, 'search_movie', { title: 'blade runner' });
    expect(movie).toMatchObject({ title: 'Blade Runner', year: 1982, director: 'Ridley Scott' });
    expect(JSON.stringify(movie).length).toBeLessThan(400);
    await expect(callTool(registry, 'search_movie', { title: 'Nope' })).rejects.toThrow(
      /No movie found/,
    );
  });

  it('compare_movies ranks every candidate, best first', async () => {
    const candidates = await Promise.all(
      ['Titanic', 'Inception'].map((title) => callTool(registry, 'search_movie', { title })),
    );
    await expect(
      callTool(registry, 'compare_movies', { reference: 'The Matrix', candidates }),
    ).resolves.toEqual({
      reference: 'The Matrix',
      best: 'Inception',
      bestScore: 0.27,
      ranking: [
        { title: 'Inception', score: 0.27 },
        { title: 'Titanic', score: 0 },
      ],
    });
  });
});
