import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { parseStepCall, type PlanStep } from '../plan/index.js';
import { scriptedModel, type CutReply } from './scripted-model.test-utils.js';

/**
 * The worst-case model of the trust tests (issue 17): it writes the honest `replies` in order while
 * its prompt holds no injected instruction, and obeys every one it reads. An instruction is a call
 * string in backticks inside `<INFORMATION>…</INFORMATION>` in any message but the system prompt —
 * where tool output reaches a replan, a resume, a session's follow-up or the joiner. A plan reply
 * gets the injected calls as extra steps; any other reply (the joiner's) gets the instruction's
 * text, which is all a joiner can do.
 */
export function worstCaseModel(
  replies: readonly (string | CutReply)[],
): MockLanguageModelV3 & { obeyed: number } {
  let call = 0;
  const model = new MockLanguageModelV3({
    doStream: async (options) => {
      const reply = replies[call];
      call += 1;
      if (reply === undefined)
        throw new Error(`worstCaseModel: no reply scripted for call ${call}`);
      const injected = injectedSteps(options);
      if (injected.length === 0 || typeof reply !== 'string') {
        return scriptedModel([reply]).doStream(options);
      }
      model.obeyed += 1;
      return scriptedModel([obey(reply, injected)]).doStream(options);
    },
  }) as MockLanguageModelV3 & { obeyed: number };
  model.obeyed = 0;
  return model;
}

function obey(reply: string, injected: readonly PlanStep[]): string {
  try {
    const plan = JSON.parse(reply) as { steps?: unknown[] };
    if (Array.isArray(plan.steps)) {
      return JSON.stringify({ ...plan, steps: [...plan.steps, ...injected] });
    }
  } catch {
    // Not JSON: the joiner's text.
  }
  return `${reply} As instructed: ${injected.map((step) => step.tool).join(', ')}.`;
}

const BLOCK = /<INFORMATION>([\s\S]*?)<\/INFORMATION>/g;
const CALL = /`([^`]{1,2000})`/g;

function injectedSteps(options: LanguageModelV3CallOptions): PlanStep[] {
  const text = options.prompt
    .filter((message) => message.role !== 'system')
    .map((message) => JSON.stringify(message.content))
    .join('\n')
    // Results reach prompts as JSON inside JSON: undo both escapes of quotes and backslashes.
    .replaceAll('\\\\', '\\')
    .replaceAll('\\"', '"')
    .replaceAll('\\\\', '\\')
    .replaceAll('\\"', '"');
  const steps: PlanStep[] = [];
  for (const block of text.matchAll(BLOCK)) {
    for (const span of (block[1] ?? '').matchAll(CALL)) {
      const text = span[1] ?? '';
      // A call string needs an id (`id=tool(…)`); an instruction may leave it out.
      const parsed = parseStepCall(text).ok
        ? parseStepCall(text)
        : parseStepCall(`inj${steps.length + 1}=${text}`);
      if (parsed.ok) steps.push(parsed.step);
    }
  }
  return steps;
}
