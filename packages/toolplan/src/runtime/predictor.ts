/** One call a predictor expects the plan to make, and how sure it is (0–1). */
export interface PredictedCall {
  tool: string;
  args: unknown;
  /** The probability, as the predictor sees it, that the plan makes exactly this call. */
  confidence: number;
}

/** A speculative call that has finished, as later rounds of prediction see it. */
export interface SpeculativeResult {
  tool: string;
  /** The arguments after the tool's input schema (what was called). */
  args: unknown;
  value: unknown;
}

/** What a predictor is given: the query, and what speculation has learnt so far. */
export interface PredictionInput {
  query: string;
  /** Entities already extracted from the query (names, numbers, dates), when the caller has them. */
  entities?: readonly string[];
  /** The session's state (earlier turns' results by id), when the query is part of one. */
  session?: Readonly<Record<string, unknown>>;
  /**
   * The speculative calls that have finished so far; empty in the first round. A predictor may
   * propose follow-up calls from them (see `createChainStepPredictor`); the speculator refuses
   * any whose arguments carry a tool's output.
   */
  results: readonly SpeculativeResult[];
}

/**
 * Proposes the calls a query makes likely, before the plan exists (DESIGN.md, "The request
 * path"). Predictors only propose: whether a call is safe and affordable is the speculator's
 * decision, never theirs.
 */
export interface Predictor {
  /** Names the predictor in metrics and traces. */
  readonly name: string;
  predict(input: PredictionInput): readonly PredictedCall[];
}
