import { createOpenAICompatible } from '@ai-sdk/openai-compatible-v3';
import { describeAgentOverHttp } from './agent-over-http.test-utils.js';

// The V4 line (ai@7, Node ≥ 22): `@ai-sdk/openai-compatible` 3, whose chat model is a
// LanguageModelV4, handed to toolplan as it is. Run by CI's Node 22 leg (vitest.node22.config.ts)
// and type-checked against ai@7's types (tsconfig.v4.json); `npm test` on Node 20 leaves it out.
describeAgentOverHttp({
  label: '@ai-sdk/openai-compatible 3 (LanguageModelV4)',
  specification: 'v4',
  model: (baseURL) =>
    createOpenAICompatible({ baseURL, name: 'simulated', includeUsage: true }).chatModel('gpt-4o'),
});
