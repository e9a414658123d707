import { createOpenAI } from '@ai-sdk/openai';
import { describeAgentOverHttp } from './agent-over-http.test-utils.js';

// The README's OpenAI example — `createOpenAI({ apiKey })('gpt-4o')`, a model that speaks the
// Responses API — pointed at the simulated provider: toolplan's agent, runPlanned and sessions on
// the weather scenario, over `POST /v1/responses`.
describeAgentOverHttp({
  label: '@ai-sdk/openai 3 (Responses API)',
  specification: 'v3',
  model: (baseURL) => createOpenAI({ baseURL, apiKey: 'x' })('gpt-4o'),
});
