import { ToolplanError } from '../plan/index.js';
import type { PromptPurpose } from './prompt-report.js';

/**
 * A prompt is over its token budget even with every result cut: what it cannot lose (the
 * instructions, the tools, the question) is too large on its own. Nothing was sent.
 */
export class PromptBudgetError extends ToolplanError {
  readonly purpose: PromptPurpose;
  /** Tokens of the prompt with every result cut. */
  readonly tokens: number;
  readonly budget: number;

  constructor(options: { purpose: PromptPurpose; tokens: number; budget: number }) {
    super({
      name: 'PromptBudgetError',
      message: `The ${options.purpose} prompt takes ${options.tokens} tokens without any results, over the budget of ${options.budget} (\`maxPromptTokens\`). Raise \`maxPromptTokens\`, pass fewer tools, or shorten the question.`,
    });
    this.purpose = options.purpose;
    this.tokens = options.tokens;
    this.budget = options.budget;
  }
}
