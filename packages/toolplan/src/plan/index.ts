export { closestNames } from './closest-names.js';
export {
  createPlanStreamParser,
  type PlanStreamParser,
  type PlanStreamParserOptions,
} from './create-plan-stream-parser.js';
export { findJsonObjectEnd } from './find-json-object-end.js';
export { formatStepCall } from './format-step-call.js';
export { normalizeParallelGroups } from './normalize-parallel-groups.js';
export { parsePlan } from './parse-plan.js';
export { parsePlanText } from './parse-plan-text.js';
export {
  parseStepCall,
  type ParseStepCallOptions,
  type ParseStepCallResult,
} from './parse-step-call.js';
export { PlanParseError, PlanReferenceError, PlanValidationError } from './plan-errors.js';
export {
  formatIssuePath,
  type IssuePath,
  type PlanIssue,
  type PlanIssueCode,
} from './plan-issue.js';
export { defaultPlanLimits, resolvePlanLimits, type PlanLimits } from './plan-limits.js';
export { planJsonSchema } from './plan-json-schema.js';
export { planSchema, planStepSchema, type Plan, type PlanStep } from './plan.js';
export {
  compileValue,
  FOR_EACH_INDEX,
  FOR_EACH_INDEX_SEGMENT,
  FOR_EACH_ITEM,
  formatPathSegment,
  formatReference,
  isForEachIndexSegment,
  parseWholeReference,
  STEP_ID_PATTERN,
  type CompiledValue,
  type ForEachIndexSegment,
  type LocatedReference,
  type PathSegment,
  type Reference,
} from './reference.js';
export { exceedsDepth } from './exceeds-depth.js';
export { resolveReference, resolveValue, type ResolutionScope } from './resolve-value.js';
export type { ArgumentIssue, ToolCatalog } from './tool-catalog.js';
export { toPlanEnvelope, type PlanEnvelope } from './to-plan-envelope.js';
export { toErrorData, ToolplanError, type ErrorData } from './toolplan-error.js';
export {
  isValidatedPlan,
  validatePlan,
  validatePlanStep,
  type ValidatePlanStepOptions,
  type ValidatedPlan,
  type ValidatedStep,
  type ValidatePlanOptions,
} from './validate-plan.js';
export { unknownOptionProblems, type EveryKeyOf } from './unknown-options.js';
