import { ModelCallError } from '../model/model-call-error.js';
import { PlanningError } from './planning-error.js';
import { ResultSerializationError } from './result-serialization-error.js';

/** The errors a run raises after steps may have run, which carry what they did (`partial`). */
export type ErrorWithPartialRun = ModelCallError | PlanningError | ResultSerializationError;

/** Whether `error` is one that carries a `partial` run (set or not yet). */
export function carriesPartialRun(error: unknown): error is ErrorWithPartialRun {
  return (
    ModelCallError.isInstance(error) ||
    PlanningError.isInstance(error) ||
    ResultSerializationError.isInstance(error)
  );
}
