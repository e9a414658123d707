import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import type { CompressibleText } from './compressible-text.js';
import { compressValue, countValueTokens, type ResultCut } from './compress-value.js';
import { countPromptTokens } from './count-prompt-tokens.js';
import { PromptBudgetError } from './prompt-budget-error.js';
import type { PromptPurpose, PromptReport } from './prompt-report.js';

export interface FitPromptOptions {
  purpose: PromptPurpose;
  /** Most tokens the whole prompt may take. */
  budget: number;
  /** The message whose results may be cut. */
  text: CompressibleText;
  /** Builds the whole prompt around that message's text. */
  build(text: string): LanguageModelV3Prompt;
}

export interface FittedPrompt {
  prompt: LanguageModelV3Prompt;
  report: PromptReport;
}

/** Below this many tokens a result is replaced by its marker rather than cut further. */
const MIN_RESULT_TOKENS = 24;

/**
 * Measures a prompt before it is sent and keeps it under `budget` by cutting the results — the
 * only part that can lose detail without losing the question. Each result gets an equal share of
 * what is left, halved until the prompt fits; results that still do not fit are replaced by a
 * marker saying they are kept in full and can be passed on by `$id`. Throws
 * {@link PromptBudgetError} when the prompt is over budget with every result replaced.
 */
export function fitPrompt(options: FitPromptOptions): FittedPrompt {
  const { purpose, budget, text, build } = options;
  const earlier = text.cuts ?? [];
  // Past the budget, only "over" matters: counting stops there, so a huge result costs no more.
  const measure = (results: Record<string, unknown>, upTo = budget) => {
    const prompt = build(text.render(results));
    return { prompt, tokens: countPromptTokens(prompt, { upTo }) };
  };
  const whole = measure(text.results);
  if (whole.tokens <= budget)
    return {
      prompt: whole.prompt,
      report: { purpose, tokens: whole.tokens, budget, cut: [...earlier] },
    };

  const ids = Object.keys(text.results);
  const markers = Object.fromEntries(ids.map((id) => [id, replacedMarker(id)]));
  const floor = measure(markers, Number.POSITIVE_INFINITY);
  if (floor.tokens > budget) throw new PromptBudgetError({ purpose, tokens: floor.tokens, budget });

  let share = Math.floor((budget - floor.tokens) / Math.max(1, ids.length));
  while (share >= MIN_RESULT_TOKENS) {
    const cuts: ResultCut[] = [];
    const results: Record<string, unknown> = {};
    for (const id of ids) {
      const value = text.results[id];
      const compressed = compressValue(value, { maxTokens: share });
      if (compressed.overBudget) {
        results[id] = markers[id];
        cuts.push(replacedCut(id, value));
      } else {
        results[id] = compressed.value;
        cuts.push(...compressed.cuts.map((cut) => ({ id, ...cut })));
      }
    }
    const attempt = measure(results);
    if (attempt.tokens <= budget)
      return {
        prompt: attempt.prompt,
        report: { purpose, tokens: attempt.tokens, budget, cut: [...earlier, ...cuts] },
      };
    share = Math.floor(share / 2);
  }
  return {
    prompt: floor.prompt,
    report: {
      purpose,
      tokens: floor.tokens,
      budget,
      cut: [...earlier, ...ids.map((id) => replacedCut(id, text.results[id]))],
    },
  };
}

/** What the model sees in place of a result that did not fit. */
export function replacedMarker(id: string): string {
  return `…(result cut to fit the prompt; it is kept in full: pass it on as $${id})`;
}

function replacedCut(id: string, value: unknown): ResultCut {
  return {
    id,
    path: '',
    kind: 'result',
    kept: 0,
    dropped: countValueTokens(value),
  };
}
