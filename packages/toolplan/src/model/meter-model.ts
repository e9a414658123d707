import type {
  LanguageModelV3,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import type { SupportedLanguageModel } from './supported-language-model.js';
import { toLanguageModelV3 } from './to-language-model-v3.js';
import { isContentPart } from './is-content-part.js';
import { ModelTimeoutError } from './model-timeout-error.js';
import { addUsage, emptyUsage, type UsageTotals } from './usage-totals.js';

/** One model call as it happened, times in ms since the meter's origin. */
export interface ModelCallRecord {
  kind: 'generate' | 'stream';
  startMs: number;
  /** When the first content arrived (streamed calls only). */
  firstTokenMs: number | undefined;
  endMs: number;
  usage: LanguageModelV3Usage | undefined;
  error?: unknown;
}

export interface MeteredModel {
  /** The model to use: the same behaviour, every call recorded. */
  model: LanguageModelV3;
  /** Totals over every call so far (retries are counted by whoever retried: 0 here). */
  totals(): UsageTotals;
  /** Every call so far, in start order. */
  calls(): readonly ModelCallRecord[];
}

/**
 * Wraps a model so that every call's usage and timing is recorded, whichever strategy made it: the
 * loop baselines and toolplan's strategies are measured by the same meter. A V4 model is metered
 * through its V3 interface (`toLanguageModelV3`), so the meter reads one kind of usage.
 */
export function meterModel(
  model: SupportedLanguageModel,
  options: { origin?: number } = {},
): MeteredModel {
  const inner = toLanguageModelV3(model);
  const origin = options.origin ?? performance.now();
  const now = () => performance.now() - origin;
  const records: ModelCallRecord[] = [];
  const begin = (kind: ModelCallRecord['kind']): ModelCallRecord => {
    const record = { kind, startMs: now(), firstTokenMs: undefined, endMs: 0, usage: undefined };
    records.push(record);
    return record;
  };
  // Wrapped by hand, as the AI SDK's `wrapLanguageModel` wraps with middleware, rather than with
  // it: ai@7's wraps into a V4 model, and the meter's model must stay V3 whichever `ai` is there.
  const wrapped: LanguageModelV3 = {
    specificationVersion: 'v3',
    provider: inner.provider,
    modelId: inner.modelId,
    supportedUrls: inner.supportedUrls,
    async doGenerate(params) {
      const record = begin('generate');
      try {
        const result = await inner.doGenerate(params);
        record.usage = result.usage;
        return result;
      } catch (error) {
        record.error = error;
        throw error;
      } finally {
        record.endMs = now();
      }
    },
    async doStream(params) {
      const record = begin('stream');
      let result;
      try {
        result = await inner.doStream(params);
      } catch (error) {
        record.error = error;
        record.endMs = now();
        throw error;
      }
      // Read by hand rather than piped through a TransformStream: a transformer never hears of
      // an error upstream (a cut connection), and the call must be recorded as failed.
      const reader = result.stream.getReader();
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async pull(controller) {
          const next = await reader.read().catch((error: unknown) => {
            record.error = error;
            record.endMs = now();
            throw error;
          });
          if (next.done) {
            record.endMs = now();
            controller.close();
            return;
          }
          const part = next.value;
          if (record.firstTokenMs === undefined && isContentPart(part)) record.firstTokenMs = now();
          if (part.type === 'finish') record.usage = part.usage;
          if (part.type === 'error') record.error = part.error;
          controller.enqueue(part);
        },
        cancel(reason) {
          // The caller gave up on the stream (a time-out, a cancelled run): the call failed.
          if (reason !== undefined) record.error ??= reason;
          record.endMs = now();
          return reader.cancel(reason);
        },
      });
      return { ...result, stream };
    },
  };
  return {
    model: wrapped,
    totals() {
      const totals = emptyUsage();
      for (const record of records) {
        addUsage(totals, record.usage);
        if (ModelTimeoutError.isInstance(record.error)) totals.modelTimeouts += 1;
      }
      return totals;
    },
    calls: () => records,
  };
}
