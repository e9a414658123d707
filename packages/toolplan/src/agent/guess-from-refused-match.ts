import { compileValue, type Plan } from '../plan/index.js';
import { bindChainParams, CHAIN_PARAMS_ID, type RefusedChainMatch } from '../trace/index.js';

/**
 * What a learned plan would call for a query its slots refused, as a guess for speculation: its
 * steps bound to the captured values, without every step that takes a refused value (`gold`
 * where tickers stood, `35` past the days seen: the very value that makes the query another
 * request) — a near miss often keeps the calls its other values make. Steps that need a dropped
 * step's result go too, as the predictor proposes only what it can resolve.
 */
export function guessFromRefusedMatch(match: RefusedChainMatch): Plan {
  const { refused } = match;
  const template = match.chain.plan;
  const dropped = new Set<string>();
  for (const step of template.steps) {
    const references = [
      ...compileValue(step.args).references,
      ...(step.forEach === undefined ? [] : compileValue(step.forEach).references),
    ].map(({ reference }) => reference);
    const takesRefused = references.some(
      (reference) =>
        reference.root === CHAIN_PARAMS_ID && refused.includes(String(reference.path[0] ?? '')),
    );
    const needsDropped =
      references.some((reference) => dropped.has(reference.root)) ||
      (step.after ?? []).some((id) => dropped.has(id));
    if (takesRefused || needsDropped) dropped.add(step.id);
  }
  const kept = { ...template, steps: template.steps.filter((step) => !dropped.has(step.id)) };
  return bindChainParams(kept, match.params);
}
