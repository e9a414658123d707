import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { countPromptTokens } from './count-prompt-tokens.js';
import { fitPrompt, replacedMarker } from './fit-prompt.js';
import { PromptBudgetError } from './prompt-budget-error.js';

const build = (text: string): LanguageModelV3Prompt => [
  { role: 'system', content: 'Answer from the results.' },
  { role: 'user', content: [{ type: 'text', text }] },
];
const render = (results: Record<string, unknown>) => `Q: why?\nResults: ${JSON.stringify(results)}`;
const userText = (prompt: LanguageModelV3Prompt) => {
  const part = prompt[1]?.content[0];
  return typeof part === 'object' && part.type === 'text' ? part.text : '';
};

describe('fitPrompt', () => {
  it('sends a prompt under budget as it is, and reports its size', () => {
    const results = { a: { x: 1 } };
    const { prompt, report } = fitPrompt({
      purpose: 'answer',
      budget: 1000,
      text: { results, render },
      build,
    });
    expect(userText(prompt)).toBe(render(results));
    expect(report).toEqual({
      purpose: 'answer',
      tokens: countPromptTokens(prompt),
      budget: 1000,
      cut: [],
    });
  });

  it('cuts the results, not the question, to fit, and reports every cut', () => {
    const results = {
      a: { list: Array.from({ length: 300 }, (_, index) => `item ${index}`) },
      b: { text: 'word '.repeat(2000) },
    };
    const { prompt, report } = fitPrompt({
      purpose: 'answer',
      budget: 600,
      text: { results, render },
      build,
    });
    expect(report.tokens).toBeLessThanOrEqual(600);
    expect(report.tokens).toBe(countPromptTokens(prompt));
    expect(userText(prompt)).toContain('Q: why?');
    expect(userText(prompt)).toMatch(/more items\)/);
    expect(userText(prompt)).toMatch(/characters\)/);
    expect(report.cut.map((cut) => `${cut.id}:${cut.kind}`)).toEqual(['a:array', 'b:string']);
  });

  it('replaces a result that cannot fit by a marker naming its id', () => {
    const results = {
      keys: Object.fromEntries(Array.from({ length: 400 }, (_, index) => [`k${index}`, index])),
    };
    const { prompt, report } = fitPrompt({
      purpose: 'replan',
      budget: 120,
      text: { results, render },
      build,
    });
    expect(userText(prompt)).toContain(JSON.stringify(replacedMarker('keys')).slice(1, -1));
    expect(report.cut).toEqual([expect.objectContaining({ id: 'keys', kind: 'result', kept: 0 })]);
  });

  it('is a typed error when the prompt is over budget with every result cut', () => {
    let error: unknown;
    try {
      fitPrompt({ purpose: 'plan', budget: 5, text: { results: {}, render }, build });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PromptBudgetError);
    expect(error).toMatchObject({ name: 'PromptBudgetError', purpose: 'plan', budget: 5 });
    expect((error as Error).message).toMatch(/Raise `maxPromptTokens`/);
  });

  it('carries cuts made earlier into its report', () => {
    const cut = { id: 'a', path: 'x', kind: 'string' as const, kept: 1, dropped: 2 };
    const { report } = fitPrompt({
      purpose: 'answer',
      budget: 1000,
      text: { results: {}, render, cuts: [cut] },
      build,
    });
    expect(report.cut).toEqual([cut]);
  });
});
