import { readFile } from 'node:fs/promises';
import { createOpenAI } from '@ai-sdk/openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type Tool } from 'toolplan/internal';
import { createSimulatedProvider, type ScriptBook, type SimulatedProvider } from '../index.js';

// The README's `createOpenAI` example on the quickstart: `@ai-sdk/openai`'s default model (the
// Responses API) with the quickstart's tools, against the simulated provider serving the
// quickstart's script book — as `toolplan serve-model --scripts examples/quickstart/scripts.json`
// does. The plan request is a strict structured output: the provider refuses it otherwise.

const QUERY = 'How much are 120 EUR in USD and in JPY?';
const example = (file: string) =>
  new URL(`../../../../examples/quickstart/${file}`, import.meta.url);

let provider: SimulatedProvider;
let tools: Tool[];
beforeAll(async () => {
  const scripts = JSON.parse(await readFile(example('scripts.json'), 'utf8')) as ScriptBook;
  provider = await createSimulatedProvider({ speed: 1000, scripts });
  tools = ((await import(example('tools.mjs').href)) as { default: Tool[] }).default;
});
afterAll(() => provider.close());

describe('the quickstart with createOpenAI({ baseURL })("gpt-4o")', () => {
  it('plans in one Responses call and answers from the template', async () => {
    const openai = createOpenAI({ baseURL: provider.url, apiKey: 'x' });
    const run = await createAgent({ model: openai('gpt-4o'), tools }).run(QUERY);
    expect(run.answer).toBe('120 EUR is 129.6 USD and 19488 JPY.');
    expect(run.answeredBy).toBe('template');
    const { log } = provider.stats();
    // One planning request, answered as a Responses API response (`resp_…`).
    expect(log.map((entry) => [entry.mode, entry.status, entry.id?.slice(0, 5)])).toEqual([
      ['plan', 200, 'resp_'],
    ]);
  });
});
