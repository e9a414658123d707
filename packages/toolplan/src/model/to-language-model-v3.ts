import type { LanguageModelV3, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider-v4';
import type { SupportedLanguageModel } from './supported-language-model.js';
import { toV3GenerateResult } from './to-v3-generate-result.js';
import { toV3StreamPart } from './to-v3-stream-part.js';
import { toV4CallOptions } from './to-v4-call-options.js';

/**
 * The model toolplan calls, whichever specification the user's provider implements: a V3 model
 * (ai@6) as it is, the same object; a V4 model (ai@7) behind a V3 interface that maps each call's
 * options to V4 and its results back (the pure mappings `toV4CallOptions`, `toV3StreamPart`,
 * `toV3GenerateResult`, which say what V3 has no counterpart for). Everything past this point —
 * the planner, the joiner, the meter — is written against V3 once.
 *
 * Throws a `TypeError` for anything else (a `v2` model of ai@5, a model id string).
 */
export function toLanguageModelV3(
  model: SupportedLanguageModel | LanguageModelV4,
): LanguageModelV3 {
  // Checked at run time as well: JavaScript callers reach here with anything.
  if (typeof model === 'object' && model !== null) {
    if (model.specificationVersion === 'v4') return fromV4(model);
    if (model.specificationVersion === 'v3') return model;
  }
  throw new TypeError(
    `Expected an AI SDK language model of specification \`v3\` (ai@6) or \`v4\` (ai@7), got ${describe(model)}`,
  );
}

function fromV4(model: LanguageModelV4): LanguageModelV3 {
  const context = { provider: model.provider };
  return {
    specificationVersion: 'v3',
    provider: model.provider,
    modelId: model.modelId,
    // Read from the model at each use: a provider may compute it late.
    get supportedUrls() {
      return model.supportedUrls;
    },
    async doGenerate(options) {
      return toV3GenerateResult(await model.doGenerate(toV4CallOptions(options, context)));
    },
    async doStream(options) {
      const result = await model.doStream(toV4CallOptions(options, context));
      // An error upstream (a cut connection) still reaches the reader: `pipeThrough` errors the
      // readable side, and a cancel from the reader reaches the provider's stream.
      const stream = result.stream.pipeThrough(
        new TransformStream<LanguageModelV4StreamPart, LanguageModelV3StreamPart>({
          transform(part, controller) {
            const mapped = toV3StreamPart(part);
            if (mapped !== undefined) controller.enqueue(mapped);
          },
        }),
      );
      return { ...result, stream };
    },
  };
}

function describe(model: unknown): string {
  if (typeof model === 'string') return `the model id string \`${model}\``;
  if (typeof model !== 'object' || model === null) return `\`${String(model)}\``;
  const version: unknown = (model as { specificationVersion?: unknown }).specificationVersion;
  return version === undefined
    ? 'an object with no `specificationVersion`'
    : `specification \`${String(version)}\``;
}
