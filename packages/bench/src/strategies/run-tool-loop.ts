import type { LanguageModelV3 } from '@ai-sdk/provider';
import { generateText, stepCountIs, type ModelMessage } from 'ai';
import { toAiSdkTools } from 'toolplan/internal';
import type { ToolRegistry } from 'toolplan/internal';

export interface RunToolLoopOptions {
  /** The model; whether it may call tools in parallel is a property of the model's requests. */
  model: LanguageModelV3;
  tools: ToolRegistry;
  query: string;
  /**
   * Earlier turns of the conversation, sent before `query` as they are (a multi-turn loop passes
   * the previous turns' `messages` back, whole or compacted).
   * @default [] (the query alone)
   */
  history?: readonly ModelMessage[];
  system?: string;
  /**
   * Most model turns before the loop stops.
   * @default 20
   */
  maxSteps?: number;
  signal?: AbortSignal;
}

export interface ToolLoopResult {
  answer: string;
  /** Model turns taken. */
  turns: number;
  toolCalls: number;
  /** This turn's messages after the query (the assistant's calls, the tool results, the answer). */
  messages: ModelMessage[];
}

/**
 * The interpreter pattern, as users run it today: the Vercel AI SDK's own `generateText` tool
 * loop, unmodified. Each turn the model sees the whole history and every tool schema and asks for
 * the next call(s); the SDK runs a turn's calls concurrently and asks again. This is the baseline
 * toolplan is measured against, run as well as it can be run.
 */
export async function runToolLoop(options: RunToolLoopOptions): Promise<ToolLoopResult> {
  const result = await generateText({
    model: options.model,
    tools: toAiSdkTools(options.tools),
    ...(options.system === undefined ? {} : { system: options.system }),
    ...(options.history === undefined || options.history.length === 0
      ? { prompt: options.query }
      : { messages: [...options.history, { role: 'user', content: options.query }] }),
    stopWhen: stepCountIs(options.maxSteps ?? 20),
    // The bench measures single attempts, toolplan's strategies too: a failed call counts as a
    // transport error rather than being hidden by a retry.
    maxRetries: 0,
    ...(options.signal === undefined ? {} : { abortSignal: options.signal }),
  });
  return {
    answer: result.text,
    turns: result.steps.length,
    toolCalls: result.steps.reduce((count, step) => count + step.toolCalls.length, 0),
    messages: result.response.messages,
  };
}
