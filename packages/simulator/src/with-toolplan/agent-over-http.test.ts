import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { describeAgentOverHttp } from './agent-over-http.test-utils.js';

// The V3 line (ai@6): `@ai-sdk/openai-compatible` 2 as a user creates it, not through toolplan's
// createOpenAICompatibleModel. Its V4 twin, agent-over-http.v4.test.ts, runs in CI's Node 22 leg.
describeAgentOverHttp({
  label: '@ai-sdk/openai-compatible 2 (LanguageModelV3)',
  specification: 'v3',
  model: (baseURL) =>
    createOpenAICompatible({ baseURL, name: 'simulated', includeUsage: true }).chatModel('gpt-4o'),
});
