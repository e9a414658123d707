import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Prompt,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { ModelCallError } from './model-call-error.js';
import { warnMissingUsage } from './warn-missing-usage.js';

export interface StreamModelTextOptions {
  model: LanguageModelV3;
  prompt: LanguageModelV3Prompt;
  /** What the call is for, named in errors. */
  purpose: string;
  responseFormat?: LanguageModelV3CallOptions['responseFormat'];
  /** Called with each piece of text as it arrives. */
  onTextDelta?: (delta: string) => void;
  signal?: AbortSignal;
  /** @default 0 (plans and answers should be reproducible) */
  temperature?: number;
}

export interface ModelTextResult {
  text: string;
  usage: LanguageModelV3Usage | undefined;
}

/**
 * One streamed model call through the AI SDK provider interface (`doStream`), collecting its
 * text. A provider error or a stream that breaks off is a {@link ModelCallError} that keeps the
 * text received so far.
 */
export async function streamModelText(options: StreamModelTextOptions): Promise<ModelTextResult> {
  let text = '';
  let usage: LanguageModelV3Usage | undefined;
  try {
    const { stream } = await options.model.doStream({
      prompt: options.prompt,
      temperature: options.temperature ?? 0,
      ...(options.responseFormat === undefined ? {} : { responseFormat: options.responseFormat }),
      ...(options.signal === undefined ? {} : { abortSignal: options.signal }),
    });
    const reader = stream.getReader();
    for (;;) {
      const { done, value: part } = await reader.read();
      if (done) break;
      if (part.type === 'text-delta') {
        text += part.delta;
        options.onTextDelta?.(part.delta);
      } else if (part.type === 'finish') usage = part.usage;
      else if (part.type === 'error') throw part.error;
    }
  } catch (cause) {
    throw new ModelCallError({ purpose: options.purpose, partialText: text, cause });
  }
  warnMissingUsage({ model: options.model, text, usage });
  return { text, usage };
}
