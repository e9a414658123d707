import { createOpenAI } from '@ai-sdk/openai';
import { aiSdkContractClients } from './ai-sdk-contract-clients.test-utils.js';
import { describeProviderContract } from './provider-contract.test-utils.js';

// The AI SDK's OpenAI provider, whose models speak the Responses API (`POST /v1/responses`):
// the same contract as the Chat Completions clients, over the other wire format.

const clients = aiSdkContractClients({
  label: '@ai-sdk/openai (Responses API)',
  model: (baseURL, request) =>
    createOpenAI({ baseURL, apiKey: 'test-key' })(request.model ?? 'gpt-4o'),
  providerOptions: (request) => ({
    openai: {
      ...(request.parallelToolCalls === undefined
        ? {}
        : { parallelToolCalls: request.parallelToolCalls }),
      ...(request.responseFormat?.strict === undefined
        ? {}
        : { strictJsonSchema: request.responseFormat.strict }),
    },
  }),
});

for (const client of clients) describeProviderContract(client);
