import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOpenAICompatibleModel, meterModel, type MeteredModel } from 'toolplan/internal';

/** Where the bench's models are: the simulated provider, or an OpenAI-compatible endpoint. */
export interface BenchEndpoint {
  baseURL: string;
  modelId: string;
  apiKey?: string;
  /** Sent with every request; the bench names each strategy's namespace this way. */
  headers?: Record<string, string>;
}

/**
 * The model factory a strategy is given: every model it asks for talks to `endpoint` and is
 * metered from `origin`, so each run's usage and timings are counted alike, whatever the strategy.
 */
export function createMeteredModels(options: { endpoint: BenchEndpoint; origin: number }): {
  model: (settings?: { parallelToolCalls?: boolean }) => LanguageModelV3;
  meters: MeteredModel[];
} {
  const { endpoint, origin } = options;
  const meters: MeteredModel[] = [];
  return {
    meters,
    model: ({ parallelToolCalls } = {}) => {
      const meter = meterModel(
        createOpenAICompatibleModel({
          baseURL: endpoint.baseURL,
          modelId: endpoint.modelId,
          ...(endpoint.apiKey === undefined ? {} : { apiKey: endpoint.apiKey }),
          ...(endpoint.headers === undefined ? {} : { headers: endpoint.headers }),
          ...(parallelToolCalls === undefined ? {} : { parallelToolCalls }),
        }),
        { origin },
      );
      meters.push(meter);
      return meter.model;
    },
  };
}
