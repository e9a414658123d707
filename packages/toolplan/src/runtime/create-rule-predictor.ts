import type { PredictedCall, PredictionInput, Predictor } from './predictor.js';

/** One rule written in code: when the query matches, the calls it proposes. */
export interface PredictionRule {
  /**
   * When the rule applies: a word or phrase the query contains (case-insensitive), a pattern it
   * matches, or a test. @default always
   */
  when?: string | RegExp | ((input: PredictionInput) => boolean);
  /** The calls to propose; `match` is the pattern's match when `when` is a `RegExp`. */
  propose(input: PredictionInput & { match?: RegExpMatchArray }): readonly PredictedCall[];
}

export interface RulePredictorOptions {
  /** @default 'rules' */
  name?: string;
  rules: readonly PredictionRule[];
}

/**
 * A predictor of hand-written rules — the seed's "if 'weather' in the query, extract the cities".
 * Rules only run on the query: in later rounds (with speculative results in) they propose
 * nothing new, so their calls never derive from a tool's output.
 */
export function createRulePredictor(options: RulePredictorOptions): Predictor {
  const { rules } = options;
  if (!Array.isArray(rules)) {
    throw new TypeError(`Expected \`rules\` to be an array, got \`${String(rules)}\``);
  }
  rules.forEach((rule: PredictionRule, index) => {
    if (typeof rule?.propose !== 'function') {
      throw new TypeError(
        `Expected \`rules[${index}].propose\` to be a function, got \`${String(rule?.propose)}\``,
      );
    }
  });
  return {
    name: options.name ?? 'rules',
    predict(input) {
      if (input.results.length > 0) return [];
      return rules.flatMap((rule) => {
        const { when } = rule;
        if (when === undefined) return rule.propose(input);
        if (typeof when === 'string')
          return input.query.toLowerCase().includes(when.toLowerCase()) ? rule.propose(input) : [];
        if (typeof when === 'function') return when(input) ? rule.propose(input) : [];
        const match = input.query.match(when);
        return match === null ? [] : rule.propose({ ...input, match });
      });
    },
  };
}
