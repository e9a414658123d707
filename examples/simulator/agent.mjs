// The simulated provider from code: no key, no network. It serves the OpenAI Chat Completions
// wire format on a free local port and answers only the queries of its script book.
//   node examples/simulator/agent.mjs
import { readFile } from 'node:fs/promises';
import { createAgent, createOpenAICompatibleModel } from 'toolplan';
import { createSimulatedProvider } from '@toolplan/simulator';
import tools from '../quickstart/tools.mjs';

const scripts = JSON.parse(
  await readFile(new URL('../quickstart/scripts.json', import.meta.url), 'utf8'),
);
const provider = await createSimulatedProvider({ scripts, profile: 'gpt-4o' });
try {
  const model = createOpenAICompatibleModel({ baseURL: provider.url, modelId: 'gpt-4o' });
  const agent = createAgent({ model, tools });
  const run = await agent.run('How much are 120 EUR in USD and in JPY?');
  const { requests, costUsd } = provider.stats();
  console.log(run.answer);
  console.log(`${requests} model request(s), $${costUsd.toFixed(5)} at gpt-4o's prices`);
} finally {
  await provider.close();
}
