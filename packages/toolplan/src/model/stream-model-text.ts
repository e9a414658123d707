import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { describeModelError } from './describe-model-error.js';
import { ModelCallError } from './model-call-error.js';
import { defaultModelCallPolicy, type ModelCallPolicy } from './model-call-policy.js';
import { isContentPart } from './is-content-part.js';
import { ModelTimeoutError } from './model-timeout-error.js';
import { textPartRole, type TextPartRole } from './text-part-role.js';
import { warnMissingUsage } from './warn-missing-usage.js';

export interface StreamModelTextOptions {
  model: LanguageModelV3;
  prompt: LanguageModelV3Prompt;
  /** What the call is for, named in errors. */
  purpose: string;
  responseFormat?: LanguageModelV3CallOptions['responseFormat'];
  /**
   * Called with each piece of the reply's own text as it arrives: not with commentary or summary
   * parts (see {@link TextPartRole}), which only `parts` and `text` keep.
   */
  onTextDelta?: (delta: string) => void;
  signal?: AbortSignal;
  /** @default 0 (plans and answers should be reproducible) */
  temperature?: number;
  /**
   * The time-outs and the clock of the attempt (retries are `callModelText`'s).
   * @default `defaultModelCallPolicy()`
   */
  policy?: Pick<ModelCallPolicy, 'firstTokenTimeoutMs' | 'totalTimeoutMs' | 'clock'>;
}

/** One text part of a reply, as the provider delimited it. */
export interface ModelTextPart {
  id: string;
  role: TextPartRole;
  text: string;
}

export interface ModelTextResult {
  /** Every text part received, joined (commentary and summaries included). */
  text: string;
  /** The reply's own text: its parts that are neither commentary nor summary, joined. */
  replyText: string;
  /** Every text part, in the order they started. */
  parts: ModelTextPart[];
  usage: LanguageModelV3Usage | undefined;
}

/**
 * One attempt of a streamed model call through the AI SDK provider interface (`doStream`),
 * collecting its text parts. A provider error, a stream that breaks off or a time-out is a
 * {@link ModelCallError} that keeps the text received so far; whether to try again is the
 * caller's (`callModelText`).
 */
export async function streamModelText(options: StreamModelTextOptions): Promise<ModelTextResult> {
  const policy = options.policy ?? defaultModelCallPolicy();
  const { clock } = policy;
  const parts = new Map<string, ModelTextPart>();
  const partOf = (id: string) => {
    let part = parts.get(id);
    if (part === undefined) {
      part = { id, role: 'reply', text: '' };
      parts.set(id, part);
    }
    return part;
  };
  let usage: LanguageModelV3Usage | undefined;
  // Aborted by the caller's signal or by a time-out; its reason is what the attempt failed with.
  const controller = new AbortController();
  const forward = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted === true) forward();
  options.signal?.addEventListener('abort', forward, { once: true });
  const expire = (phase: 'first-token' | 'total', timeoutMs: number) => () =>
    controller.abort(new ModelTimeoutError({ phase, timeoutMs }));
  const totalTimer = clock.setTimeout(
    expire('total', policy.totalTimeoutMs),
    policy.totalTimeoutMs,
  );
  let firstTokenTimer: unknown = clock.setTimeout(
    expire('first-token', policy.firstTokenTimeoutMs),
    policy.firstTokenTimeoutMs,
  );
  // A provider that ignores its abort signal must not hold the call: every wait races this.
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(controller.signal.reason);
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => undefined);
  let reader: ReadableStreamDefaultReader<LanguageModelV3StreamPart> | undefined;
  try {
    const { stream } = await Promise.race([
      options.model.doStream({
        prompt: options.prompt,
        temperature: options.temperature ?? 0,
        ...(options.responseFormat === undefined ? {} : { responseFormat: options.responseFormat }),
        abortSignal: controller.signal,
      }),
      aborted,
    ]);
    reader = stream.getReader();
    for (;;) {
      const { done, value: part } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      if (firstTokenTimer !== undefined && isContentPart(part)) {
        clock.clearTimeout(firstTokenTimer);
        firstTokenTimer = undefined;
      }
      if (part.type === 'text-start') {
        partOf(part.id).role = textPartRole(part.providerMetadata);
      } else if (part.type === 'text-delta') {
        const textPart = partOf(part.id);
        textPart.text += part.delta;
        if (textPart.role === 'reply') options.onTextDelta?.(part.delta);
      } else if (part.type === 'finish') usage = part.usage;
      else if (part.type === 'error') throw part.error;
    }
  } catch (cause) {
    void reader?.cancel(cause).catch(() => undefined);
    const text = joinText([...parts.values()]);
    throw new ModelCallError({
      purpose: options.purpose,
      partialText: joinText([...parts.values()].filter((part) => part.role === 'reply')),
      receivedText: text,
      failure: describeModelError(cause),
      cause,
    });
  } finally {
    clock.clearTimeout(totalTimer);
    if (firstTokenTimer !== undefined) clock.clearTimeout(firstTokenTimer);
    options.signal?.removeEventListener('abort', forward);
  }
  const list = [...parts.values()];
  const text = joinText(list);
  warnMissingUsage({ model: options.model, text, usage });
  return {
    text,
    replyText: joinText(list.filter((part) => part.role === 'reply')),
    parts: list,
    usage,
  };
}

function joinText(parts: readonly ModelTextPart[]): string {
  return parts.map((part) => part.text).join('');
}
