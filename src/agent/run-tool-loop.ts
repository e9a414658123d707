import type { LanguageModelV3 } from '@ai-sdk/provider';
import { generateText, stepCountIs } from 'ai';
import { toAiSdkTools } from '../model/to-ai-sdk-tools.js';
import type { ToolRegistry } from '../tools/index.js';

export interface RunToolLoopOptions {
  /** The model; whether it may call tools in parallel is a property of the model's requests. */
  model: LanguageModelV3;
  tools: ToolRegistry;
  query: string;
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
    prompt: options.query,
    stopWhen: stepCountIs(options.maxSteps ?? 20),
    maxRetries: 0,
    ...(options.signal === undefined ? {} : { abortSignal: options.signal }),
  });
  return {
    answer: result.text,
    turns: result.steps.length,
    toolCalls: result.steps.reduce((count, step) => count + step.toolCalls.length, 0),
  };
}
