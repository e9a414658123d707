import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { aiSdkContractClients } from './ai-sdk-contract-clients.test-utils.js';
import { describeProviderContract } from './provider-contract.test-utils.js';

// The AI SDK's openai-compatible provider (the path toolplan itself uses), over Chat Completions.

const PROVIDER_NAME = 'simulated';

const clients = aiSdkContractClients({
  label: '@ai-sdk/openai-compatible',
  model: (baseURL, request) =>
    createOpenAICompatible({
      baseURL,
      name: PROVIDER_NAME,
      apiKey: 'test-key',
      includeUsage: true,
      supportsStructuredOutputs: true,
    }).chatModel(request.model ?? 'gpt-4o'),
  providerOptions: (request) => ({
    [PROVIDER_NAME]: {
      ...(request.parallelToolCalls === undefined
        ? {}
        : { parallel_tool_calls: request.parallelToolCalls }),
      ...(request.responseFormat?.strict === undefined
        ? {}
        : { strictJsonSchema: request.responseFormat.strict }),
    },
  }),
});

for (const client of clients) describeProviderContract(client);
